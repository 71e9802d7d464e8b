package dev.lathe.api.model.cost;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.model.Network;
import org.apiguardian.api.API;

/**
 * A set of rules for counting what a network costs: which parameters count, which operations
 * count and how, and (for every convention alike) the peak activation memory of
 * {@link ActivationMemory}. {@link CostConventions} names the built-in ones.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CostConvention {

  /** The convention's id, e.g. {@code conv-linear}. */
  String id();

  /** One line saying whose rules these are and what they count. */
  String description();

  /** What {@link CostReport#macs()} counts under these rules. Default: {@code MACs}. */
  default String operationsUnit() {
    return "MACs";
  }

  /** The cost of one forward pass of {@code network} on one sample, node by node. */
  CostReport count(Network network);
}
