package dev.lathe.core.internal.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.configuration2.tree.DefaultConfigurationKey;
import org.apache.commons.configuration2.tree.DefaultExpressionEngine;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * A node tree built from flat keys in Commons Configuration's default key syntax, such as
 * {@code optimizer.population} or {@code evaluators(1).noise}: the form of a properties file,
 * of {@code lathe.*} system properties and of {@code --set} overrides.
 *
 * <p>An index selects the item at that position among siblings of the same name, whatever the
 * order in which keys arrive; missing items before it are added as empty placeholders. Nodes
 * addressed with an explicit index carry the attribute {@link #INDEXED}, so that
 * {@link IndexedOverrideCombiner} merges them into the list below item by item instead of
 * replacing the list.
 */
final class KeyTree {

  /** The attribute that marks a node addressed by an explicit index, or a placeholder. */
  static final String INDEXED = "lathe-indexed";

  private final Draft root = new Draft(null);

  /**
   * Sets the value at {@code key}; a collection value becomes one sibling node per element.
   *
   * @throws IllegalArgumentException if the key is empty, names an attribute or has a negative
   *     index
   */
  void put(String key, Object value) {
    DefaultConfigurationKey.KeyIterator parts =
        new DefaultConfigurationKey(DefaultExpressionEngine.INSTANCE, key).iterator();
    if (!parts.hasNext()) {
      throw new IllegalArgumentException("the key is empty");
    }
    Draft parent = root;
    while (true) {
      String name = parts.nextKey();
      if (parts.isAttribute()) {
        throw new IllegalArgumentException("attribute keys ([@...]) are not supported");
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException("the key has an empty part");
      }
      if (parts.hasIndex() && parts.getIndex() < 0) {
        throw new IllegalArgumentException("index " + parts.getIndex() + " is negative");
      }
      int index = parts.hasIndex() ? parts.getIndex() : 0;
      if (!parts.hasNext()) {
        if (value instanceof Collection<?> elements) {
          for (Object element : elements) {
            parent.child(name, index++, parts.hasIndex()).value = element;
          }
        } else {
          parent.child(name, index, parts.hasIndex()).value = value;
        }
        return;
      }
      parent = parent.child(name, index, parts.hasIndex());
    }
  }

  /** The tree built so far. */
  ImmutableNode build() {
    return root.build();
  }

  /** A mutable node while keys are still arriving. */
  private static final class Draft {
    private final String name;
    private final List<Draft> children = new ArrayList<>();
    private Object value;
    private boolean indexed;

    Draft(String name) {
      this.name = name;
    }

    Draft child(String childName, int index, boolean explicitIndex) {
      List<Draft> same = children.stream().filter(c -> c.name.equals(childName))
          .collect(Collectors.toCollection(ArrayList::new));
      while (same.size() <= index) {
        Draft added = new Draft(childName);
        added.indexed = explicitIndex;
        children.add(added);
        same.add(added);
      }
      Draft found = same.get(index);
      found.indexed |= explicitIndex;
      return found;
    }

    ImmutableNode build() {
      ImmutableNode.Builder builder = new ImmutableNode.Builder().name(name).value(value);
      if (indexed) {
        builder.addAttribute(INDEXED, Boolean.TRUE);
      }
      children.forEach(c -> builder.addChild(c.build()));
      return builder.create();
    }
  }
}
