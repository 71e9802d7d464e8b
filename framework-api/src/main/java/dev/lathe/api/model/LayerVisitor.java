package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An operation over every kind of {@link Layer}, one method per kind, so that an implementation
 * cannot forget one (a cost convention, a code generator, an executor).
 *
 * @param <R> what each method returns
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface LayerVisitor<R> {

  /** A convolution, transposed or not. */
  R convolution(Convolution layer);

  /** A fully connected layer. */
  R linear(Linear layer);

  /** A token embedding. */
  R embedding(Embedding layer);

  /** A batch, instance or layer normalisation. */
  R normalization(Normalization layer);

  /** An element-wise activation or a softmax. */
  R activation(Activation layer);

  /** A max or average pooling, local or global. */
  R pooling(Pooling layer);

  /** A squeeze-and-excitation block. */
  R squeezeExcitation(SqueezeExcitation layer);

  /** A multi-head attention. */
  R multiHeadAttention(MultiHeadAttention layer);

  /** A dynamic or lightweight convolution. */
  R dynamicConvolution(DynamicConvolution layer);

  /** An element-wise sum or product of several inputs. */
  R elementwise(Elementwise layer);

  /** A concatenation. */
  R concat(Concat layer);

  /** A reshape. */
  R reshape(Reshape layer);

  /** A flatten. */
  R flatten(Flatten layer);

  /** A temporal shift. */
  R temporalShift(TemporalShift layer);

  /** A gated linear unit. */
  R gatedLinearUnit(GatedLinearUnit layer);
}
