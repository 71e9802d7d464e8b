package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Multi-head scaled dot-product attention (Vaswani et al., arXiv:1706.03762) with its four
 * projections. Self-attention reads one input {@code [T, d]}; cross-attention reads the queries
 * {@code [T, d]} and a memory {@code [S, d]} from which keys and values are projected. The
 * output is {@code [T, d]}.
 *
 * <p>Each query attends to {@code contextLength} keys when that is positive (keys and values
 * of earlier segments kept in a cache, as in Transformer-XL and the MicroNet language model),
 * else to every position of its key input ({@code T}, or {@code S} for cross-attention). Only
 * the positions of the inputs are projected; cached keys are not projected again.
 *
 * @param modelDim {@code d}, the size of input and output vectors
 * @param heads the number of heads
 * @param headDim the size of each head's queries, keys and values
 * @param contextLength the number of keys per query, or 0 for the key input's length
 * @param cross whether keys and values come from a second input
 * @param bias whether the projections have biases
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MultiHeadAttention(int modelDim, int heads, int headDim, int contextLength,
    boolean cross, boolean bias) implements Layer {

  /** Checks the sizes. */
  public MultiHeadAttention {
    if (modelDim < 1 || heads < 1 || headDim < 1 || contextLength < 0) {
      throw new IllegalArgumentException("attention: model dim " + modelDim + ", heads " + heads
          + ", head dim " + headDim + " must be at least 1, context length " + contextLength
          + " at least 0");
    }
  }

  /** Self-attention over {@code [T, d]} with head size {@code d / heads} and biases. */
  public static MultiHeadAttention self(int modelDim, int heads) {
    return new MultiHeadAttention(modelDim, heads, headDim(modelDim, heads), 0, false, true);
  }

  /** Cross-attention from {@code [T, d]} to a memory {@code [S, d]}, head size {@code d / heads}, with biases. */
  public static MultiHeadAttention cross(int modelDim, int heads) {
    return new MultiHeadAttention(modelDim, heads, headDim(modelDim, heads), 0, true, true);
  }

  private static int headDim(int modelDim, int heads) {
    if (heads < 1 || modelDim % heads != 0) {
      throw new IllegalArgumentException("attention: " + heads + " heads do not divide model dim "
          + modelDim + "; give the head size explicitly");
    }
    return modelDim / heads;
  }

  /** This attention with head size {@code headDim}. */
  public MultiHeadAttention withHeadDim(int headDim) {
    return new MultiHeadAttention(modelDim, heads, headDim, contextLength, cross, bias);
  }

  /** This attention with {@code contextLength} keys per query (0: the key input's length). */
  public MultiHeadAttention withContext(int contextLength) {
    return new MultiHeadAttention(modelDim, heads, headDim, contextLength, cross, bias);
  }

  /** This attention with or without projection biases. */
  public MultiHeadAttention withBias(boolean bias) {
    return new MultiHeadAttention(modelDim, heads, headDim, contextLength, cross, bias);
  }

  /** {@code heads × headDim}, the width of the projected queries, keys and values. */
  public int innerDim() {
    return heads * headDim;
  }

  /** The number of keys each query attends to, for inputs of shapes {@code inputs}. */
  public int keys(List<Shape> inputs) {
    return contextLength > 0 ? contextLength : inputs.get(cross ? 1 : 0).dim(0);
  }

  /** The number of positions whose keys and values are projected: the key input's length. */
  public int keyPositions(List<Shape> inputs) {
    return inputs.get(cross ? 1 : 0).dim(0);
  }

  @Override
  public String kind() {
    return cross ? "cross-attention" : "self-attention";
  }

  @Override
  public String describe() {
    return kind() + " d" + modelDim + " h" + heads + (headDim * heads == modelDim ? ""
        : " dk" + headDim) + (contextLength > 0 ? " context " + contextLength : "")
        + (bias ? " +bias" : "");
  }

  @Override
  public int minInputs() {
    return cross ? 2 : 1;
  }

  @Override
  public int maxInputs() {
    return cross ? 2 : 1;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    for (Shape in : inputs) {
      if (in.rank() != 2 || in.dim(1) != modelDim) {
        throw new IllegalArgumentException("expects sequences [T, " + modelDim + "], got "
            + inputs);
      }
    }
    return inputs.get(0);
  }

  @Override
  public long weights() {
    return 4L * modelDim * innerDim();
  }

  @Override
  public long biases() {
    return bias ? 3L * innerDim() + modelDim : 0;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.multiHeadAttention(this);
  }
}
