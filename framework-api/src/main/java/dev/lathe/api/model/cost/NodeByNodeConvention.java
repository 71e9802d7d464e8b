package dev.lathe.api.model.cost;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.Node;
import dev.lathe.api.model.Shape;
import java.util.ArrayList;
import java.util.List;

/** A convention that counts each node on its own and sums: the built-in ones. */
abstract class NodeByNodeConvention implements CostConvention {

  @Override
  public final CostReport count(Network network) {
    List<NodeCost> costs = new ArrayList<>();
    double params = 0;
    double macs = 0;
    for (Node node : network.nodes()) {
      double p = parameters(node);
      double m = operations(node, network.inputShapes(node));
      costs.add(new NodeCost(node.name(), node.layer().kind(), node.shape(), p, m,
          ActivationMemory.outputBytes(node)));
      params += p;
      macs += m;
    }
    return new CostReport(id(), params, macs, ActivationMemory.peakBytes(network), costs);
  }

  /** The parameters {@code node} counts. */
  abstract double parameters(Node node);

  /** The MACs or operations {@code node} counts, reading tensors of shapes {@code inputs}. */
  abstract double operations(Node node, List<Shape> inputs);

  @Override
  public String toString() {
    return id();
  }
}
