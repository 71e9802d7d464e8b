package dev.lathe.api.model.cost;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a network costs under one convention: totals and the breakdown by node. Counts are
 * doubles because some conventions scale them by bit widths and densities; whole counts below
 * 2<sup>53</sup> are exact.
 *
 * @param convention the convention's id
 * @param params the parameters it counts (under {@code micronet}: 32-bit equivalents)
 * @param macs the multiply-accumulates it counts (under {@code micronet}: 32-bit equivalent
 *     operations)
 * @param activationBytes the peak activation memory, as {@link ActivationMemory} defines it
 * @param nodes the cost of every node, in the network's order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CostReport(String convention, double params, double macs, long activationBytes,
    List<NodeCost> nodes) {

  /** Checks and copies the parts. */
  public CostReport {
    Objects.requireNonNull(convention, "convention");
    nodes = List.copyOf(nodes);
  }

  /**
   * The cost of the node called {@code name}.
   *
   * @throws NoSuchElementException if there is none
   */
  public NodeCost node(String name) {
    return nodes.stream().filter(n -> n.node().equals(name)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no node '" + name + "' in the report"));
  }
}
