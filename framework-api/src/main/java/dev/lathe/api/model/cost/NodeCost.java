package dev.lathe.api.model.cost;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.model.Shape;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one node costs under a convention.
 *
 * @param node the node's name
 * @param kind its layer's kind, e.g. {@code conv2d}
 * @param shape its output's shape
 * @param params the parameters it counts
 * @param macs the MACs (or, under {@code micronet}, operations) it counts
 * @param outputBytes the bytes of its output activation
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record NodeCost(String node, String kind, Shape shape, double params, double macs,
    long outputBytes) {

  /** Checks the parts. */
  public NodeCost {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(shape, "shape");
  }
}
