package dev.lathe.plugin.micronet;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The element-wise arithmetic of pruning, quantisation and soft labels, on float arrays. */
final class Tensors {

  static {
    NetworkModel.openNd4j();
  }

  private Tensors() {}

  /**
   * The mask (1 keep, 0 prune) that zeroes the {@code ⌊sparsity · n⌋} elements of
   * {@code value} of smallest magnitude (ties: the earlier element first), always including the
   * elements that {@code keep} (a mask, or null for all) already prunes.
   */
  static INDArray magnitudeMask(INDArray value, double sparsity, INDArray keep) {
    return new MagnitudeOrder(value, keep).mask(sparsity);
  }

  /** A tensor's elements in pruning order: those already pruned, then by magnitude. */
  static final class MagnitudeOrder {

    private final long[] shape;
    private final DataType type;
    private final int[] order;
    private final int alreadyPruned;

    /** The order of {@code value}'s elements, {@code keep} (or null) marking those pruned. */
    MagnitudeOrder(INDArray value, INDArray keep) {
      float[] w = value.dup('c').data().asFloat();
      float[] k = keep == null ? null : keep.dup('c').data().asFloat();
      int n = w.length;
      // sort keys: already pruned first, then by magnitude (the bits of a non-negative float
      // order as the float does), then by index
      long[] keys = new long[n];
      int pruned = 0;
      for (int i = 0; i < n; i++) {
        boolean off = k != null && k[i] == 0;
        pruned += off ? 1 : 0;
        long magnitude = off ? 0 : Float.floatToIntBits(Math.abs(w[i])) + 1L;
        keys[i] = magnitude << 32 | i;
      }
      Arrays.sort(keys);
      order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = (int) keys[i];
      }
      alreadyPruned = pruned;
      shape = value.shape();
      type = value.dataType();
    }

    /** The mask pruning {@code ⌊sparsity · n⌋} elements, or those already pruned if more. */
    INDArray mask(double sparsity) {
      int prune = Math.max(alreadyPruned, (int) Math.floor(sparsity * order.length));
      float[] mask = new float[order.length];
      Arrays.fill(mask, 1f);
      for (int i = 0; i < prune; i++) {
        mask[order[i]] = 0f;
      }
      return Nd4j.create(mask, shape, 'c').castTo(type);
    }
  }

  /** The mask of the non-zero elements of {@code value}. */
  static INDArray nonzeroMask(INDArray value) {
    return value.neq(0.0).castTo(value.dataType());
  }

  /**
   * {@code value} quantised symmetrically to {@code bits} bits per slice along axis 0 (per
   * output channel): each slice's scale is its largest magnitude over {@code 2^(bits−1) − 1},
   * and every element becomes a whole multiple of it in {@code ±(2^(bits−1) − 1)}. Zeros stay
   * zero. A rank-1 tensor (a bias) is one channel.
   */
  static INDArray quantize(INDArray value, int bits) {
    long levels = (1L << (bits - 1)) - 1;
    INDArray flat = value.rank() == 1 ? value.reshape(1, value.length())
        : value.reshape('c', value.size(0), value.length() / value.size(0));
    float[][] rows = flat.toFloatMatrix();
    for (float[] row : rows) {
      float max = 0f;
      for (float x : row) {
        max = Math.max(max, Math.abs(x));
      }
      if (max == 0f) {
        continue;
      }
      double scale = max / (double) levels;
      for (int i = 0; i < row.length; i++) {
        long q = Math.max(-levels, Math.min(levels, Math.round(row[i] / scale)));
        row[i] = (float) (q * scale);
      }
    }
    return Nd4j.create(rows).reshape('c', value.shape()).castTo(value.dataType());
  }

  /** The most distinct values that any slice along axis 0 of {@code value} holds. */
  static int distinctValuesPerChannel(INDArray value) {
    INDArray flat = value.rank() == 1 ? value.reshape(1, value.length())
        : value.reshape('c', value.size(0), value.length() / value.size(0));
    int most = 0;
    for (float[] row : flat.toFloatMatrix()) {
      most = Math.max(most, (int) IntStream.range(0, row.length).mapToObj(i -> row[i])
          .distinct().count());
    }
    return most;
  }

  /**
   * Each row of {@code probabilities} kept at its {@code k} largest entries (ties: the earlier
   * class) and renormalised to sum to 1.
   */
  static INDArray topK(INDArray probabilities, int k) {
    float[][] rows = probabilities.toFloatMatrix();
    for (float[] row : rows) {
      Integer[] order = IntStream.range(0, row.length).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -row[i])
          .thenComparingInt(i -> i));
      double kept = 0;
      for (int i = 0; i < row.length; i++) {
        if (i < k) {
          kept += row[order[i]];
        } else {
          row[order[i]] = 0f;
        }
      }
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) (row[i] / kept);
      }
    }
    return Nd4j.create(rows).castTo(DataType.FLOAT);
  }
}
