package dev.lathe.api.sparse;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An immutable sparse matrix of doubles in compressed sparse row (CSR) form: the stored entries
 * of row {@code r} are positions {@code rowStart(r)} to {@code rowStart(r + 1) - 1} of
 * {@link #columnIndex} and {@link #value}, with strictly increasing columns (no duplicates).
 *
 * <p>Column access uses the compressed sparse column (CSC) form: the entries of column
 * {@code c} are positions {@code columnStart(c)} to {@code columnStart(c + 1) - 1} of
 * {@link #rowIndex} and {@link #columnValue}, with strictly increasing rows. The CSC form is built
 * once, on the first call of a column method or of {@link #transpose()} (O(rows + columns +
 * nnz) time, 16 bytes per entry), and kept; building it is thread-safe.
 *
 * <p>A stored entry may hold 0 (an explicit zero): {@link #nnz()} counts stored entries, as
 * SciPy's {@code nnz} does. {@link #equals} compares structure and bits exactly;
 * {@link #equalsWithin} compares values with a tolerance, treating absent entries as 0.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SparseMatrix {

  private final int rows;
  private final int columns;
  private final int[] rowPointers;
  private final int[] columnIndices;
  private final double[] values;
  private volatile Csc csc;

  /** The column-major copy: pointers per column, row indices and values. */
  private record Csc(int[] pointers, int[] rowIndices, double[] values) {}

  private SparseMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices,
      double[] values) {
    this.rows = rows;
    this.columns = columns;
    this.rowPointers = rowPointers;
    this.columnIndices = columnIndices;
    this.values = values;
  }

  /** A builder for a {@code rows × columns} matrix. */
  public static Builder builder(int rows, int columns) {
    return new Builder(rows, columns);
  }

  /**
   * A matrix from CSR arrays, which are copied and checked.
   *
   * @param rowPointers {@code rows + 1} non-decreasing positions from 0 to {@code nnz}, not null
   * @param columnIndices the column of each entry, strictly increasing within a row, not null
   * @param values the value of each entry (not NaN), as many as column indices, not null
   * @throws IllegalArgumentException naming the row and column of the first entry that breaks
   *     these rules
   */
  public static SparseMatrix fromCsr(int rows, int columns, int[] rowPointers,
      int[] columnIndices, double[] values) {
    checkShape(rows, columns);
    if (rowPointers.length != rows + 1) {
      throw new IllegalArgumentException("a " + rows + "-row matrix needs " + (rows + 1)
          + " row pointers, got " + rowPointers.length);
    }
    if (columnIndices.length != values.length) {
      throw new IllegalArgumentException(columnIndices.length + " column indices but "
          + values.length + " values");
    }
    if (rowPointers[0] != 0 || rowPointers[rows] != values.length) {
      throw new IllegalArgumentException("row pointers must run from 0 to " + values.length
          + ", got " + rowPointers[0] + " to " + rowPointers[rows]);
    }
    for (int r = 0; r < rows; r++) {
      if (rowPointers[r + 1] < rowPointers[r]) {
        throw new IllegalArgumentException("row " + r + " ends at " + rowPointers[r + 1]
            + " before it starts at " + rowPointers[r]);
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        int c = columnIndices[k];
        if (c < 0 || c >= columns) {
          throw new IllegalArgumentException("entry (" + r + ", " + c + ") has a column outside 0.."
              + (columns - 1));
        }
        if (k > rowPointers[r] && c <= columnIndices[k - 1]) {
          throw new IllegalArgumentException("row " + r + ": column " + c + " follows column "
              + columnIndices[k - 1] + "; columns must be strictly increasing within a row");
        }
        if (Double.isNaN(values[k])) {
          throw new IllegalArgumentException("entry (" + r + ", " + c + ") is NaN");
        }
      }
    }
    return new SparseMatrix(rows, columns, rowPointers.clone(), columnIndices.clone(),
        values.clone());
  }

  /**
   * The sparse form of a dense matrix: its non-zero entries.
   *
   * @param dense rows of equal length, not null; a matrix with no rows has no columns
   * @throws IllegalArgumentException if rows differ in length or an entry is NaN
   */
  public static SparseMatrix fromDense(double[][] dense) {
    int columns = dense.length == 0 ? 0 : dense[0].length;
    Builder b = builder(dense.length, columns);
    for (int r = 0; r < dense.length; r++) {
      if (dense[r].length != columns) {
        throw new IllegalArgumentException("row " + r + " has " + dense[r].length
            + " columns, row 0 has " + columns);
      }
      for (int c = 0; c < columns; c++) {
        if (dense[r][c] != 0) {
          b.add(r, c, dense[r][c]);
        }
      }
    }
    return b.build();
  }

  private static void checkShape(int rows, int columns) {
    if (rows < 0 || columns < 0) {
      throw new IllegalArgumentException("a matrix cannot be " + rows + " x " + columns);
    }
  }

  /** The number of rows. */
  public int rows() {
    return rows;
  }

  /** The number of columns. */
  public int columns() {
    return columns;
  }

  /** The number of stored entries (explicit zeros included). */
  public int nnz() {
    return values.length;
  }

  /** Where row {@code r}'s entries start; {@code rowStart(rows())} is {@link #nnz()}. */
  public int rowStart(int r) {
    return rowPointers[r];
  }

  /** The number of stored entries in row {@code r}. */
  public int rowNnz(int r) {
    return rowPointers[r + 1] - rowPointers[r];
  }

  /** The column of the entry at CSR position {@code k}. */
  public int columnIndex(int k) {
    return columnIndices[k];
  }

  /** The value of the entry at CSR position {@code k}. */
  public double value(int k) {
    return values[k];
  }

  /**
   * The value at {@code (row, column)}, 0 where nothing is stored; a binary search in the row.
   *
   * @throws IndexOutOfBoundsException naming the row and column if either is out of range
   */
  public double get(int row, int column) {
    if (row < 0 || row >= rows || column < 0 || column >= columns) {
      throw new IndexOutOfBoundsException("(" + row + ", " + column + ") is outside the "
          + rows + " x " + columns + " matrix");
    }
    int k = Arrays.binarySearch(columnIndices, rowPointers[row], rowPointers[row + 1], column);
    return k >= 0 ? values[k] : 0;
  }

  /**
   * Where column {@code c}'s entries start in CSC order; {@code columnStart(columns())} is
   * {@link #nnz()}. The first call of a column method builds the CSC form.
   */
  public int columnStart(int c) {
    return csc().pointers[c];
  }

  /** The number of stored entries in column {@code c}. */
  public int columnNnz(int c) {
    int[] p = csc().pointers;
    return p[c + 1] - p[c];
  }

  /** The row of the entry at CSC position {@code i}. */
  public int rowIndex(int i) {
    return csc().rowIndices[i];
  }

  /** The value of the entry at CSC position {@code i}. */
  public double columnValue(int i) {
    return csc().values[i];
  }

  /** A copy of the CSR row pointers ({@code rows() + 1} of them). */
  public int[] rowPointers() {
    return rowPointers.clone();
  }

  /** A copy of the CSR column indices. */
  public int[] columnIndices() {
    return columnIndices.clone();
  }

  /** A copy of the CSR values. */
  public double[] values() {
    return values.clone();
  }

  /** A copy of the CSC column pointers ({@code columns() + 1} of them). */
  public int[] columnPointers() {
    return csc().pointers.clone();
  }

  /** A copy of the CSC row indices. */
  public int[] rowIndices() {
    return csc().rowIndices.clone();
  }

  /** A copy of the CSC values. */
  public double[] columnValues() {
    return csc().values.clone();
  }

  private Csc csc() {
    Csc c = csc;
    if (c == null) {
      c = buildCsc();
      csc = c;
    }
    return c;
  }

  /** A stable counting sort of the entries by column: rows come out increasing. */
  private Csc buildCsc() {
    int nnz = values.length;
    int[] pointers = new int[columns + 1];
    for (int k = 0; k < nnz; k++) {
      pointers[columnIndices[k] + 1]++;
    }
    for (int c = 0; c < columns; c++) {
      pointers[c + 1] += pointers[c];
    }
    int[] next = Arrays.copyOf(pointers, columns);
    int[] rowIndices = new int[nnz];
    double[] cscValues = new double[nnz];
    for (int r = 0; r < rows; r++) {
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        int slot = next[columnIndices[k]]++;
        rowIndices[slot] = r;
        cscValues[slot] = values[k];
      }
    }
    return new Csc(pointers, rowIndices, cscValues);
  }

  /** The transpose: its CSR form is this matrix's CSC form, shared, not copied. */
  public SparseMatrix transpose() {
    Csc c = csc();
    SparseMatrix t = new SparseMatrix(columns, rows, c.pointers, c.rowIndices, c.values);
    t.csc = new Csc(rowPointers, columnIndices, values);
    return t;
  }

  /**
   * The product {@code this × other} by Gustavson's row-wise algorithm (ACM TOMS 4(3), 1978):
   * each row of the result accumulates scaled rows of {@code other} in a dense accumulator, then
   * its columns are sorted. Two passes, as SciPy's {@code csr_matmat}: the first counts each
   * row's entries so that the result is allocated once, the second computes them.
   * O(flops + nnz(C) log(max row length) + rows + columns) time. The product is structural: an
   * entry whose products cancel to 0 is stored as an explicit zero.
   *
   * @param other a matrix with as many rows as this one has columns, not null
   * @throws IllegalArgumentException if the inner dimensions differ
   * @throws IllegalStateException if the product has more than {@code Integer.MAX_VALUE - 8}
   *     entries
   */
  public SparseMatrix multiply(SparseMatrix other) {
    if (columns != other.rows) {
      throw new IllegalArgumentException("cannot multiply " + rows + " x " + columns + " by "
          + other.rows + " x " + other.columns + ": inner dimensions differ");
    }
    int[] seenInRow = new int[other.columns];
    Arrays.fill(seenInRow, -1);
    int[] product = new int[rows + 1];
    long total = 0;
    for (int i = 0; i < rows; i++) {
      int count = 0;
      for (int ka = rowPointers[i]; ka < rowPointers[i + 1]; ka++) {
        int k = columnIndices[ka];
        for (int kb = other.rowPointers[k]; kb < other.rowPointers[k + 1]; kb++) {
          int j = other.columnIndices[kb];
          if (seenInRow[j] != i) {
            seenInRow[j] = i;
            count++;
          }
        }
      }
      total += count;
      if (total > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("the product has more than " + (Integer.MAX_VALUE - 8)
            + " entries (row " + i + " passes the limit)");
      }
      product[i + 1] = (int) total;
    }
    Arrays.fill(seenInRow, -1);
    double[] accumulator = new double[other.columns];
    int[] productColumns = new int[(int) total];
    double[] productValues = new double[(int) total];
    for (int i = 0; i < rows; i++) {
      int nnz = product[i];
      for (int ka = rowPointers[i]; ka < rowPointers[i + 1]; ka++) {
        int k = columnIndices[ka];
        double a = values[ka];
        for (int kb = other.rowPointers[k]; kb < other.rowPointers[k + 1]; kb++) {
          int j = other.columnIndices[kb];
          if (seenInRow[j] != i) {
            seenInRow[j] = i;
            accumulator[j] = a * other.values[kb];
            productColumns[nnz++] = j;
          } else {
            accumulator[j] += a * other.values[kb];
          }
        }
      }
      Arrays.sort(productColumns, product[i], nnz);
      for (int p = product[i]; p < nnz; p++) {
        productValues[p] = accumulator[productColumns[p]];
      }
    }
    return new SparseMatrix(rows, other.columns, product, productColumns, productValues);
  }

  /**
   * The product {@code this × x} of this matrix and a dense vector.
   *
   * @param x {@link #columns()} values, not null
   * @throws IllegalArgumentException if the length of {@code x} is not the column count
   */
  public double[] multiply(double[] x) {
    if (x.length != columns) {
      throw new IllegalArgumentException("cannot multiply " + rows + " x " + columns
          + " by a vector of length " + x.length);
    }
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        sum += values[k] * x[columnIndices[k]];
      }
      y[r] = sum;
    }
    return y;
  }

  /** The dense form, row by row; meant for small matrices. */
  public double[][] toDense() {
    double[][] dense = new double[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        dense[r][columnIndices[k]] = values[k];
      }
    }
    return dense;
  }

  /**
   * Where two matrices of the same shape differ by more than a tolerance.
   *
   * @param row the row of the first difference in row-major order
   * @param column its column
   * @param value this matrix's value there (0 where nothing is stored)
   * @param otherValue the other matrix's value there
   */
  public record Difference(int row, int column, double value, double otherValue) {
    @Override
    public String toString() {
      return "(" + row + ", " + column + "): " + value + " vs " + otherValue;
    }
  }

  /**
   * The first entry, in row-major order, where {@code |a − b| > tolerance × max(1, |a|, |b|)}
   * (absolute near zero, relative for large values), treating absent entries as 0.
   *
   * @param other a matrix of the same shape, not null
   * @param tolerance at least 0; 0 asks for equal values
   * @return the difference, or empty where none exceeds the tolerance
   * @throws IllegalArgumentException if the shapes differ or the tolerance is negative or NaN
   */
  public Optional<Difference> firstDifference(SparseMatrix other, double tolerance) {
    if (rows != other.rows || columns != other.columns) {
      throw new IllegalArgumentException("cannot compare a " + rows + " x " + columns
          + " matrix with a " + other.rows + " x " + other.columns + " one");
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
    }
    for (int r = 0; r < rows; r++) {
      int p = rowPointers[r];
      int q = other.rowPointers[r];
      int pEnd = rowPointers[r + 1];
      int qEnd = other.rowPointers[r + 1];
      while (p < pEnd || q < qEnd) {
        int cp = p < pEnd ? columnIndices[p] : Integer.MAX_VALUE;
        int cq = q < qEnd ? other.columnIndices[q] : Integer.MAX_VALUE;
        int c = Math.min(cp, cq);
        double a = cp == c ? values[p++] : 0;
        double b = cq == c ? other.values[q++] : 0;
        if (!within(a, b, tolerance)) {
          return Optional.of(new Difference(r, c, a, b));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean within(double a, double b, double tolerance) {
    if (a == b) {
      return true;
    }
    double scale = Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    return Math.abs(a - b) <= tolerance * scale;
  }

  /**
   * Whether {@code other} has the same shape and every value within the tolerance of
   * {@link #firstDifference}; absent entries count as 0, so explicit zeros do not matter.
   *
   * @param other a matrix, not null
   * @param tolerance at least 0
   */
  public boolean equalsWithin(SparseMatrix other, double tolerance) {
    return rows == other.rows && columns == other.columns
        && firstDifference(other, tolerance).isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseMatrix m && rows == m.rows && columns == m.columns
        && Arrays.equals(rowPointers, m.rowPointers)
        && Arrays.equals(columnIndices, m.columnIndices) && Arrays.equals(values, m.values);
  }

  @Override
  public int hashCode() {
    int h = 31 * rows + columns;
    h = 31 * h + Arrays.hashCode(rowPointers);
    h = 31 * h + Arrays.hashCode(columnIndices);
    return 31 * h + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "SparseMatrix[" + rows + " x " + columns + ", " + values.length + " stored entries]";
  }

  /**
   * Collects entries in any order, then sorts them into CSR form; entries added twice at the same
   * position are summed, in the order they were added.
   */
  public static final class Builder {
    private final int rows;
    private final int columns;
    private int size;
    private int[] entryRows = new int[16];
    private int[] entryColumns = new int[16];
    private double[] entryValues = new double[16];

    private Builder(int rows, int columns) {
      checkShape(rows, columns);
      this.rows = rows;
      this.columns = columns;
    }

    /**
     * Adds {@code value} at {@code (row, column)}, summed with what is already there.
     *
     * @throws IllegalArgumentException naming the row and column if either is out of range or
     *     the value is NaN
     */
    public Builder add(int row, int column, double value) {
      if (row < 0 || row >= rows || column < 0 || column >= columns) {
        throw new IllegalArgumentException("entry (" + row + ", " + column
            + ") is outside the " + rows + " x " + columns + " matrix");
      }
      if (Double.isNaN(value)) {
        throw new IllegalArgumentException("entry (" + row + ", " + column + ") is NaN");
      }
      if (size == entryRows.length) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
        if (capacity == size) {
          throw new IllegalStateException("a sparse matrix holds at most " + size + " entries");
        }
        entryRows = Arrays.copyOf(entryRows, capacity);
        entryColumns = Arrays.copyOf(entryColumns, capacity);
        entryValues = Arrays.copyOf(entryValues, capacity);
      }
      entryRows[size] = row;
      entryColumns[size] = column;
      entryValues[size] = value;
      size++;
      return this;
    }

    /** The number of entries added so far, duplicates included. */
    public int size() {
      return size;
    }

    /**
     * The matrix: a stable counting sort by column, then by row, merging duplicates;
     * O(rows + columns + entries).
     */
    public SparseMatrix build() {
      int[] byColumn = new int[size];
      int[] start = new int[columns + 1];
      for (int i = 0; i < size; i++) {
        start[entryColumns[i] + 1]++;
      }
      for (int c = 0; c < columns; c++) {
        start[c + 1] += start[c];
      }
      for (int i = 0; i < size; i++) {
        byColumn[start[entryColumns[i]]++] = i;
      }
      int[] rowStart = new int[rows + 1];
      for (int i = 0; i < size; i++) {
        rowStart[entryRows[i] + 1]++;
      }
      for (int r = 0; r < rows; r++) {
        rowStart[r + 1] += rowStart[r];
      }
      int[] next = Arrays.copyOf(rowStart, rows);
      int[] sortedColumns = new int[size];
      double[] sortedValues = new double[size];
      for (int i : byColumn) {
        int slot = next[entryRows[i]]++;
        sortedColumns[slot] = entryColumns[i];
        sortedValues[slot] = entryValues[i];
      }
      int[] pointers = new int[rows + 1];
      int nnz = 0;
      for (int r = 0; r < rows; r++) {
        for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
          if (nnz > pointers[r] && sortedColumns[nnz - 1] == sortedColumns[k]) {
            sortedValues[nnz - 1] += sortedValues[k];
          } else {
            sortedColumns[nnz] = sortedColumns[k];
            sortedValues[nnz++] = sortedValues[k];
          }
        }
        pointers[r + 1] = nnz;
      }
      return new SparseMatrix(rows, columns, pointers, Arrays.copyOf(sortedColumns, nnz),
          Arrays.copyOf(sortedValues, nnz));
    }
  }
}
