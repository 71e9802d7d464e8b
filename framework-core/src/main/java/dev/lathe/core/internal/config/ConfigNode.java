package dev.lathe.core.internal.config;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * A node of the effective (combined) configuration together with its key, as written in
 * messages and {@code --set} ({@code optimizer.population}, {@code evaluators(1).noise}).
 * Values are interpolated when read.
 */
final class ConfigNode {

  private final ImmutableNode node;
  private final String key;
  private final ConfigSource source;

  private ConfigNode(ImmutableNode node, String key, ConfigSource source) {
    this.node = node;
    this.key = key;
    this.source = source;
  }

  /** The root of the configuration. */
  static ConfigNode root(ImmutableNode root, ConfigSource source) {
    return new ConfigNode(root, "", source);
  }

  /** The key of this node; empty for the root. */
  String key() {
    return key;
  }

  /** The key of a child named {@code name}. */
  String childKey(String name) {
    return key.isEmpty() ? name : key + "." + name;
  }

  /** Whether the node has neither a value nor children, e.g. {@code seed: ~} in YAML. */
  boolean isUnset() {
    return node.getValue() == null && node.getChildren().isEmpty();
  }

  /** Whether the node has children, i.e. is a map of keys. */
  boolean isMap() {
    return !node.getChildren().isEmpty();
  }

  /** Whether the node has a value of its own (besides any children). */
  boolean hasValue() {
    return node.getValue() != null;
  }

  /** The names of the children, each once, in order of first appearance. */
  List<String> names() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    node.forEach(c -> names.add(c.getNodeName()));
    return List.copyOf(names);
  }

  /**
   * The children named {@code name}, all with the key {@code parent.name}: the values of one
   * setting written as a YAML sequence.
   */
  List<ConfigNode> children(String name) {
    return node.getChildren(name).stream()
        .map(c -> new ConfigNode(c, childKey(name), source)).toList();
  }

  /**
   * The items of the list {@code name}, keyed {@code name(0)}, {@code name(1)}, …; a single
   * unset node (an empty {@code accelerators:} in YAML) is an empty list.
   */
  List<ConfigNode> items(String name) {
    List<ImmutableNode> nodes = node.getChildren(name);
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      items.add(new ConfigNode(nodes.get(i), childKey(name) + "(" + i + ")", source));
    }
    if (items.size() == 1 && items.get(0).isUnset()) {
      return List.of();
    }
    return items;
  }

  /**
   * The one child named {@code name}, or {@code null} if there is none or it is unset.
   *
   * @throws LatheException if there are several
   */
  ConfigNode single(String name) {
    List<ConfigNode> found = children(name);
    if (found.size() > 1) {
      throw source.error(childKey(name),
          "expected one value or section, got a list of " + found.size());
    }
    return found.isEmpty() || found.get(0).isUnset() ? null : found.get(0);
  }

  /**
   * The node's own value, interpolated, or {@code null} if it has none.
   *
   * @throws LatheException if the node is a map, or a variable cannot be resolved
   */
  String text() {
    if (isMap()) {
      throw error("expected a value, not a map of " + String.join(", ", names()));
    }
    return value();
  }

  /** The node's own value, interpolated, even if it has children; {@code null} if none. */
  String value() {
    return node.getValue() == null ? null : source.interpolate(node.getValue(), key);
  }

  /** A configuration error at this node's key. */
  LatheException error(String message) {
    return source.error(key, message);
  }

  /** A configuration error at the key of the child {@code name}. */
  LatheException childError(String name, String message) {
    return source.error(childKey(name), message);
  }
}
