package dev.lathe.plugin.sparch.sim;

import dev.lathe.api.sparse.SparseMatrix;
import java.util.Arrays;

/**
 * Matrix condensing of a left matrix A: condensed column {@code c} holds the {@code c}-th stored
 * entry of every row (CSR order) that has more than {@code c} entries, so the number of partial
 * matrices falls from the number of non-empty columns of A to its longest row. Building it takes
 * O(rows + nnz) time and one index per stored entry.
 */
public final class Condensing {

  private final SparseMatrix a;
  /** For each condensed column, the rows that reach it, increasing. */
  private final int[][] rowsOf;

  /** The condensed form of {@code a}. */
  public Condensing(SparseMatrix a) {
    this.a = a;
    int columns = 0;
    for (int r = 0; r < a.rows(); r++) {
      columns = Math.max(columns, a.rowNnz(r));
    }
    rowsOf = new int[columns][];
    int[] active = new int[a.rows()];
    int count = 0;
    for (int r = 0; r < a.rows(); r++) {
      if (a.rowNnz(r) > 0) {
        active[count++] = r;
      }
    }
    for (int c = 0; c < columns; c++) {
      rowsOf[c] = Arrays.copyOf(active, count);
      int kept = 0;
      for (int i = 0; i < count; i++) {
        if (a.rowNnz(active[i]) > c + 1) {
          active[kept++] = active[i];
        }
      }
      count = kept;
    }
  }

  /** The matrix that is condensed. */
  public SparseMatrix matrix() {
    return a;
  }

  /** The number of condensed columns: the longest row of A. */
  public int columns() {
    return rowsOf.length;
  }

  /** The number of entries in condensed column {@code c}. */
  public int entries(int c) {
    return rowsOf[c].length;
  }

  /** The rows that have an entry in condensed column {@code c}, increasing; not a copy. */
  int[] rows(int c) {
    return rowsOf[c];
  }

  /** The column of A of row {@code row}'s entry in condensed column {@code c}. */
  public int originalColumn(int row, int c) {
    return a.columnIndex(a.rowStart(row) + c);
  }

  /** The elements of the partial matrix of condensed column {@code c} times {@code b}. */
  public long partialSize(int c, SparseMatrix b) {
    long size = 0;
    for (int row : rowsOf[c]) {
      size += b.rowNnz(originalColumn(row, c));
    }
    return size;
  }

  /** The sizes of every condensed column's partial matrix with {@code b}. */
  public long[] partialSizes(SparseMatrix b) {
    long[] sizes = new long[columns()];
    for (int c = 0; c < sizes.length; c++) {
      sizes[c] = partialSize(c, b);
    }
    return sizes;
  }
}
