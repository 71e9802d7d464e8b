package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One operation of a {@link Network}: its attributes, how many inputs it reads, the shape it
 * produces, and its learnable parameters. Layers are immutable records; the family is closed so
 * that every {@link LayerVisitor} (and with it every cost convention) handles every kind.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Layer permits Convolution, Linear, Embedding, Normalization, Activation,
    Pooling, SqueezeExcitation, MultiHeadAttention, DynamicConvolution, Elementwise, Concat,
    Reshape, Flatten, TemporalShift, GatedLinearUnit {

  /** The kind in lower case, e.g. {@code conv2d}, {@code linear}, {@code batch-norm}. */
  String kind();

  /** The kind with its main attributes on one line, e.g. {@code conv2d 3→16 k3 s2 p1}. */
  String describe();

  /** The fewest inputs the layer reads. Default: 1. */
  default int minInputs() {
    return 1;
  }

  /** The most inputs the layer reads. Default: 1. */
  default int maxInputs() {
    return 1;
  }

  /**
   * The shape of the output for inputs of shapes {@code inputs}, whose number is already within
   * {@link #minInputs()} and {@link #maxInputs()}.
   *
   * @throws IllegalArgumentException saying what the layer expects and what it got, if the
   *     shapes do not fit
   */
  Shape outputShape(List<Shape> inputs);

  /**
   * The elements of the multiplicative weight tensors: kernels, weight matrices, embedding
   * tables, projections. Default: none.
   */
  default long weights() {
    return 0;
  }

  /** The elements of the additive bias vectors. Default: none. */
  default long biases() {
    return 0;
  }

  /** The elements of a normalisation's scale and shift. Default: none. */
  default long affineParameters() {
    return 0;
  }

  /** Every learnable parameter: weights, biases and affine parameters. */
  default long parameters() {
    return weights() + biases() + affineParameters();
  }

  /** Calls the method of {@code visitor} for this kind of layer. */
  <R> R accept(LayerVisitor<R> visitor);
}
