package dev.lathe.plugin.sparch.sim;

import dev.lathe.api.sparse.SparseMatrix;
import java.util.Arrays;

/**
 * A partial matrix as it streams through the datapath: elements sorted by (row, column), each
 * position at most once, with a row-major key {@code row << 32 | column} and a value.
 */
public final class PartialMatrix {

  /** The partial matrix with no elements. */
  public static final PartialMatrix EMPTY = new PartialMatrix(new long[0], new double[0], 0);

  private final long[] keys;
  private final double[] values;
  private final int size;

  /**
   * A partial matrix over the first {@code size} elements of the arrays, which it keeps (not a
   * copy); keys must increase strictly.
   */
  PartialMatrix(long[] keys, double[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
  }

  /** The key of a position: its row in the high 32 bits, its column in the low 32 bits. */
  public static long key(int row, int column) {
    return (long) row << 32 | column;
  }

  /** The row of a key. */
  public static int row(long key) {
    return (int) (key >>> 32);
  }

  /** The column of a key. */
  public static int column(long key) {
    return (int) key;
  }

  /** The number of elements. */
  public int size() {
    return size;
  }

  /** The key of element {@code i}. */
  public long keyAt(int i) {
    return keys[i];
  }

  /** The value of element {@code i}. */
  public double valueAt(int i) {
    return values[i];
  }

  long[] keys() {
    return keys;
  }

  double[] values() {
    return values;
  }

  /**
   * This partial matrix as a {@code rows × columns} sparse matrix; its elements, explicit zeros
   * included, become the stored entries.
   */
  public SparseMatrix toMatrix(int rows, int columns) {
    int[] pointers = new int[rows + 1];
    int[] columnIndices = new int[size];
    for (int i = 0; i < size; i++) {
      pointers[row(keys[i]) + 1]++;
      columnIndices[i] = column(keys[i]);
    }
    for (int r = 0; r < rows; r++) {
      pointers[r + 1] += pointers[r];
    }
    return SparseMatrix.fromCsr(rows, columns, pointers, columnIndices,
        Arrays.copyOf(values, size));
  }
}
