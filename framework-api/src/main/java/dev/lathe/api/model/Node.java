package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One node of a {@link Network}: a named layer, the tensors it reads (network inputs or earlier
 * nodes, in order), the shape it produces, and how it is stored.
 *
 * @param name unique within the network
 * @param layer what it computes
 * @param inputs the names of the tensors it reads
 * @param shape its output's shape, inferred when the network was built
 * @param attributes bit widths and sparsity
 * @param sharesWeightsWith the node whose weight tensor this one uses too (tied embeddings), or
 *     empty; shared weights are stored and counted once, with their owner
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Node(String name, Layer layer, List<String> inputs, Shape shape,
    NodeAttributes attributes, Optional<String> sharesWeightsWith) {

  /** Checks the parts. */
  public Node {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(layer, "layer");
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(sharesWeightsWith, "sharesWeightsWith");
  }

  /** The weights this node stores: its layer's, or none if it shares another node's. */
  public long ownWeights() {
    return sharesWeightsWith.isPresent() ? 0 : layer.weights();
  }

  /** The parameters this node stores: its own weights, biases and affine parameters. */
  public long parameters() {
    return ownWeights() + layer.biases() + layer.affineParameters();
  }

  /** This node with other attributes. */
  public Node withAttributes(NodeAttributes attributes) {
    return new Node(name, layer, inputs, shape, attributes, sharesWeightsWith);
  }
}
