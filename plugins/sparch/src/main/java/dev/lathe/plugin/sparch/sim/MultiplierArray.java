package dev.lathe.plugin.sparch.sim;

import dev.lathe.api.sparse.SparseMatrix;

/**
 * The multiplier array: scales rows of B by entries of A into partial matrices, {@code width}
 * products per cycle. A partial matrix is either an outer product {@code A[:,k] ⊗ B[k,:]} (a
 * column of A) or a condensed column of A (its {@code c}-th stored entry of every row, each
 * scaling the B row of its own column). Either way each output row receives one scaled B row,
 * so the elements come out sorted by (row, column) without merging.
 */
public final class MultiplierArray {

  private final int width;
  private long products;

  /**
   * A multiplier array of {@code width} multipliers.
   *
   * @throws IllegalArgumentException if {@code width < 1}
   */
  public MultiplierArray(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("the multiplier array needs at least 1 multiplier, got "
          + width);
    }
    this.width = width;
  }

  /** The products made so far. */
  public long products() {
    return products;
  }

  /** The cycles that {@code count} products take on this array. */
  public long cycles(long count) {
    return Counts.ceilDiv(count, width);
  }

  /** The outer product of column {@code k} of {@code a} and row {@code k} of {@code b}. */
  public PartialMatrix outerProduct(SparseMatrix a, int k, SparseMatrix b) {
    int rowLength = b.rowNnz(k);
    int size = Math.multiplyExact(a.columnNnz(k), rowLength);
    long[] keys = new long[size];
    double[] values = new double[size];
    int n = 0;
    int bStart = b.rowStart(k);
    for (int p = a.columnStart(k); p < a.columnStart(k + 1); p++) {
      int row = a.rowIndex(p);
      double scale = a.columnValue(p);
      for (int q = bStart; q < bStart + rowLength; q++) {
        keys[n] = PartialMatrix.key(row, b.columnIndex(q));
        values[n++] = scale * b.value(q);
      }
    }
    products += size;
    return new PartialMatrix(keys, values, size);
  }

  /**
   * Condensed column {@code c} of A times {@code b}: for every row {@code i} of A with more than
   * {@code c} stored entries, its {@code c}-th entry {@code a[i][k]} times row {@code k} of
   * {@code b}.
   */
  public PartialMatrix condensedProduct(Condensing a, int c, SparseMatrix b) {
    int size = Math.toIntExact(a.partialSize(c, b));
    long[] keys = new long[size];
    double[] values = new double[size];
    int n = 0;
    SparseMatrix left = a.matrix();
    for (int row : a.rows(c)) {
      int p = left.rowStart(row) + c;
      int k = left.columnIndex(p);
      double scale = left.value(p);
      for (int q = b.rowStart(k); q < b.rowStart(k + 1); q++) {
        keys[n] = PartialMatrix.key(row, b.columnIndex(q));
        values[n++] = scale * b.value(q);
      }
    }
    products += size;
    return new PartialMatrix(keys, values, size);
  }
}
