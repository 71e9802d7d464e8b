package dev.lathe.plugin.ofa.latency;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network cut into the groups of nodes that a latency table times one by one: the nodes whose
 * names share a prefix, {@code blocks.N} for a numbered block ({@code blocks.7.conv.depth_conv.bn}
 * is in {@code blocks.7}) and else the first name segment ({@code first_conv.bn} is in
 * {@code first_conv}). Each group becomes a network of its own, whose inputs are the tensors its
 * nodes read from outside it, and whose signature, the same for equal groups anywhere in any
 * network, keys the table.
 */
final class LayerGroups {

  /**
   * One group.
   *
   * @param name the group's prefix in its network
   * @param network the group as a network of its own, with batch-free input shapes
   * @param signature the text that keys the group in a latency table
   */
  record Group(String name, Network network, String signature) {}

  private LayerGroups() {}

  /** The group of node {@code name}. */
  static String groupOf(String name) {
    String[] parts = name.split("\\.", 3);
    if (parts.length >= 2 && parts[1].matches("\\d+")) {
      return parts[0] + "." + parts[1];
    }
    return parts[0];
  }

  /** The groups of {@code network}, in the order of its nodes. */
  static List<Group> of(Network network) {
    Map<String, List<Node>> byGroup = new LinkedHashMap<>();
    for (Node node : network.nodes()) {
      byGroup.computeIfAbsent(groupOf(node.name()), g -> new ArrayList<>()).add(node);
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, List<Node>> e : byGroup.entrySet()) {
      groups.add(group(network, e.getKey(), e.getValue()));
    }
    return groups;
  }

  private static Group group(Network network, String name, List<Node> nodes) {
    Set<String> inside = new LinkedHashSet<>();
    nodes.forEach(n -> inside.add(n.name()));
    Map<String, String> outsideInputs = new LinkedHashMap<>();
    for (Node n : nodes) {
      for (String read : n.inputs()) {
        if (!inside.contains(read) && !outsideInputs.containsKey(read)) {
          outsideInputs.put(read, "input" + outsideInputs.size());
        }
      }
    }
    Network.Builder b = Network.builder(name);
    StringBuilder signature = new StringBuilder();
    for (Map.Entry<String, String> in : outsideInputs.entrySet()) {
      b.input(in.getValue(), network.shape(in.getKey()));
      signature.append(in.getValue()).append(network.shape(in.getKey())).append("; ");
    }
    for (Node n : nodes) {
      String[] reads = n.inputs().stream()
          .map(r -> inside.contains(r) ? relative(name, r) : outsideInputs.get(r))
          .toArray(String[]::new);
      b.add(relative(name, n.name()), n.layer(), reads);
      signature.append(relative(name, n.name())).append('(').append(String.join(",", reads))
          .append(")=").append(n.layer()).append("; ");
    }
    b.outputs(relative(name, nodes.get(nodes.size() - 1).name()));
    return new Group(name, b.build(), signature.toString().trim());
  }

  private static String relative(String group, String node) {
    return node.equals(group) ? "self" : node.substring(group.length() + 1);
  }
}
