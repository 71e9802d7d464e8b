package dev.lathe.core.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.commons.configuration2.tree.NodeCombiner;

/**
 * An override combiner that understands list items. Like Commons Configuration's
 * {@code OverrideCombiner}, the first (higher) structure wins: its values replace those below
 * and sections merge key by key. Unlike it, nodes of the same name are merged item by item:
 * item {@code i} of the higher structure merges into item {@code i} below, empty placeholders
 * keep the item below (and their position while nothing is below), and items past the end are
 * appended. A single value without an index
 * replaces the whole list or section below, so that {@code constraints=x <= 1} or
 * {@code space=branin} start afresh.
 */
final class IndexedOverrideCombiner extends NodeCombiner {

  @Override
  public ImmutableNode combine(ImmutableNode higher, ImmutableNode lower) {
    ImmutableNode.Builder result = new ImmutableNode.Builder()
        .name(higher.getNodeName())
        .value(higher.getValue() != null ? higher.getValue() : lower.getValue())
        .addAttributes(lower.getAttributes())
        .addAttributes(higher.getAttributes());
    Set<String> names = new LinkedHashSet<>();
    lower.forEach(c -> names.add(c.getNodeName()));
    higher.forEach(c -> names.add(c.getNodeName()));
    for (String name : names) {
      result.addChildren(merge(higher.getChildren(name), lower.getChildren(name)));
    }
    return result.create();
  }

  private List<ImmutableNode> merge(List<ImmutableNode> higher, List<ImmutableNode> lower) {
    if (higher.isEmpty()) {
      return lower;
    }
    if (lower.isEmpty()) {
      return higher;
    }
    if (higher.size() == 1 && !isIndexed(higher.get(0)) && isValue(higher.get(0))) {
      return higher;
    }
    List<ImmutableNode> merged = new ArrayList<>();
    for (int i = 0; i < Math.max(higher.size(), lower.size()); i++) {
      ImmutableNode above = i < higher.size() ? higher.get(i) : null;
      ImmutableNode below = i < lower.size() ? lower.get(i) : null;
      if (above == null || isPlaceholder(above)) {
        if (below != null) {
          merged.add(below);
        }
      } else if (below == null || isValue(above)) {
        merged.add(above);
      } else {
        merged.add(combine(above, below));
      }
    }
    return merged;
  }

  private static boolean isIndexed(ImmutableNode node) {
    return node.getAttributes().containsKey(KeyTree.INDEXED);
  }

  private static boolean isValue(ImmutableNode node) {
    return node.getChildren().isEmpty() && node.getValue() != null;
  }

  private static boolean isPlaceholder(ImmutableNode node) {
    return node.getChildren().isEmpty() && node.getValue() == null;
  }
}
