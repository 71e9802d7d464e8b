package dev.lathe.api.model.cost;

import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Shape;
import java.util.List;

/** Terms that several conventions share. */
final class Counts {

  private Counts() {}

  /** The kernel's size: the product of its sizes over the spatial axes. */
  static long kernelSize(Convolution c) {
    long size = 1;
    for (int k : c.kernel()) {
      size *= k;
    }
    return size;
  }

  /**
   * The MACs of an attention's four projections: queries and output over the {@code T} query
   * positions, keys and values over the key input's positions.
   */
  static double attentionProjections(MultiHeadAttention a, List<Shape> inputs) {
    double queries = inputs.get(0).dim(0);
    double keyPositions = a.keyPositions(inputs);
    double perPosition = (double) a.modelDim() * a.innerDim();
    return (2 * queries + 2 * keyPositions) * perPosition;
  }

  /** The MACs of {@code QKᵀ} and of the weighted sum of values: {@code 2 · T · keys · heads · headDim}. */
  static double attentionProducts(MultiHeadAttention a, List<Shape> inputs) {
    return 2.0 * inputs.get(0).dim(0) * a.keys(inputs) * a.innerDim();
  }
}
