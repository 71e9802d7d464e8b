package dev.lathe.api.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SparseMatrixTest {

  /**
   * The 3 x 4 matrix
   * <pre>
   *   [ 1 0 2 0 ]
   *   [ 0 0 0 0 ]
   *   [ 0 3 0 4 ]
   * </pre>
   * added out of order, with the 2 at (0, 2) split into 1.5 + 0.5.
   */
  private static SparseMatrix sample() {
    return SparseMatrix.builder(3, 4).add(2, 3, 4).add(0, 2, 1.5).add(2, 1, 3).add(0, 0, 1)
        .add(0, 2, 0.5).build();
  }

  private static double[][] denseProduct(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b.length == 0 ? 0 : b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        for (int j = 0; j < c[i].length; j++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  private static SparseMatrix random(SplittableRandom random, int rows, int columns,
      double density) {
    SparseMatrix.Builder b = SparseMatrix.builder(rows, columns);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        if (random.nextDouble() < density) {
          b.add(r, c, random.nextInt(-9, 10) + random.nextDouble());
        }
      }
    }
    return b.build();
  }

  @Test
  void builderSortsRowsAndColumnsAndSumsDuplicates() {
    SparseMatrix m = sample();
    assertEquals(3, m.rows());
    assertEquals(4, m.columns());
    assertEquals(4, m.nnz());
    assertArrayEquals(new int[] {0, 2, 2, 4}, m.rowPointers());
    assertArrayEquals(new int[] {0, 2, 1, 3}, m.columnIndices());
    assertArrayEquals(new double[] {1, 2, 3, 4}, m.values());
    assertEquals(2, m.rowNnz(0));
    assertEquals(0, m.rowNnz(1));
    assertEquals(2, m.rowStart(1));
    assertEquals(4, m.rowStart(3));
    assertEquals(3, m.columnIndex(3));
    assertEquals(3.0, m.value(2));
    assertEquals(2.0, m.get(0, 2));
    assertEquals(0.0, m.get(1, 1));
    assertArrayEquals(new double[][] {{1, 0, 2, 0}, {0, 0, 0, 0}, {0, 3, 0, 4}}, m.toDense());
    assertEquals("SparseMatrix[3 x 4, 4 stored entries]", m.toString());
    assertEquals(5, SparseMatrix.builder(3, 4).add(2, 3, 4).add(0, 2, 1.5).add(2, 1, 3)
        .add(0, 0, 1).add(0, 2, 0.5).size());
  }

  @Test
  void columnAccessIsTheCscForm() {
    SparseMatrix m = sample();
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, m.columnPointers());
    assertArrayEquals(new int[] {0, 2, 0, 2}, m.rowIndices());
    assertArrayEquals(new double[] {1, 3, 2, 4}, m.columnValues());
    assertEquals(1, m.columnNnz(3));
    assertEquals(3, m.columnStart(3));
    assertEquals(2, m.rowIndex(3));
    assertEquals(4.0, m.columnValue(3));
    SparseMatrix wide = SparseMatrix.builder(2, 3).add(1, 0, 5).add(0, 0, 6).add(1, 2, 7)
        .build();
    assertArrayEquals(new int[] {0, 2, 2, 3}, wide.columnPointers());
    assertArrayEquals(new int[] {0, 1, 1}, wide.rowIndices());
    assertArrayEquals(new double[] {6, 5, 7}, wide.columnValues());
  }

  @Test
  void transposeSwapsTheFormsAndTwiceIsTheIdentity() {
    SparseMatrix m = sample();
    SparseMatrix t = m.transpose();
    assertEquals(4, t.rows());
    assertEquals(3, t.columns());
    assertArrayEquals(new double[][] {{1, 0, 0}, {0, 0, 3}, {2, 0, 0}, {0, 0, 4}}, t.toDense());
    assertArrayEquals(m.rowPointers(), t.columnPointers());
    assertEquals(m, t.transpose());
    SparseMatrix r = random(new SplittableRandom(3), 30, 17, 0.2);
    double[][] d = r.toDense();
    double[][] dt = r.transpose().toDense();
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 17; j++) {
        assertEquals(d[i][j], dt[j][i]);
      }
    }
    assertEquals(SparseMatrix.fromDense(dt), r.transpose());
  }

  @Test
  void gustavsonProductEqualsTheDenseProductOnRandomMatrices() {
    SplittableRandom random = new SplittableRandom(2024);
    for (int round = 0; round < 40; round++) {
      int n = random.nextInt(1, 40);
      int k = random.nextInt(1, 40);
      int m = random.nextInt(1, 40);
      double density = random.nextDouble(0.02, 0.5);
      SparseMatrix a = random(random, n, k, density);
      SparseMatrix b = random(random, k, m, density);
      SparseMatrix c = a.multiply(b);
      assertEquals(n, c.rows());
      assertEquals(m, c.columns());
      SparseMatrix expected = SparseMatrix.fromDense(denseProduct(a.toDense(), b.toDense()));
      assertEquals(Optional.empty(), c.firstDifference(expected, 1e-12), "round " + round);
      for (int r = 0; r < n; r++) {
        for (int p = c.rowStart(r) + 1; p < c.rowStart(r + 1); p++) {
          assertTrue(c.columnIndex(p - 1) < c.columnIndex(p), "sorted columns in row " + r);
        }
      }
    }
  }

  @Test
  void productsOfIntegerMatricesAreExactAndKeepCancellationsAsExplicitZeros() {
    SparseMatrix a = SparseMatrix.fromDense(new double[][] {{1, 1}, {2, 0}});
    SparseMatrix b = SparseMatrix.fromDense(new double[][] {{3, 4}, {-3, 5}});
    SparseMatrix c = a.multiply(b);
    assertArrayEquals(new double[][] {{0, 9}, {6, 8}}, c.toDense());
    assertEquals(4, c.nnz(), "(0, 0) cancels to an explicit zero");
    assertTrue(c.equalsWithin(SparseMatrix.fromDense(c.toDense()), 0));
    assertNotEquals(c, SparseMatrix.fromDense(c.toDense()));
    SparseMatrix identity = SparseMatrix.builder(2, 2).add(0, 0, 1).add(1, 1, 1).build();
    assertEquals(a, a.multiply(identity));
    assertEquals(a, identity.multiply(a));
    assertEquals(0, SparseMatrix.builder(3, 0).build()
        .multiply(SparseMatrix.builder(0, 2).build()).nnz());
    assertEquals("cannot multiply 3 x 4 by 3 x 4: inner dimensions differ",
        assertThrows(IllegalArgumentException.class, () -> sample().multiply(sample()))
            .getMessage());
  }

  @Test
  void matrixVectorProduct() {
    assertArrayEquals(new double[] {7, 0, 19}, sample().multiply(new double[] {1, 1, 3, 4}));
    assertEquals("cannot multiply 3 x 4 by a vector of length 3",
        assertThrows(IllegalArgumentException.class, () -> sample().multiply(new double[3]))
            .getMessage());
  }

  @Test
  void equalityWithATolerance() {
    SparseMatrix m = sample();
    SparseMatrix close = SparseMatrix.builder(3, 4).add(0, 0, 1 + 1e-10).add(0, 2, 2)
        .add(2, 1, 3).add(2, 3, 4).add(1, 1, 0).build();
    assertTrue(m.equalsWithin(close, 1e-9));
    assertFalse(m.equalsWithin(close, 1e-11));
    assertEquals("(0, 0): 1.0 vs 1.0000000001", m.firstDifference(close, 0).get().toString());
    SparseMatrix big = SparseMatrix.builder(3, 4).add(0, 0, 1).add(0, 2, 2).add(2, 1, 3)
        .add(2, 3, 4).add(1, 3, 1e-3).build();
    assertEquals(new SparseMatrix.Difference(1, 3, 0, 1e-3), m.firstDifference(big, 1e-4).get());
    assertTrue(m.equalsWithin(big, 1e-3));
    SparseMatrix scaled = SparseMatrix.fromDense(new double[][] {{1e6}});
    assertTrue(scaled.equalsWithin(SparseMatrix.fromDense(new double[][] {{1e6 + 0.5}}), 1e-6),
        "relative for large values");
    assertFalse(m.equalsWithin(m.transpose(), 1));
    assertEquals("cannot compare a 3 x 4 matrix with a 4 x 3 one",
        assertThrows(IllegalArgumentException.class, () -> m.firstDifference(m.transpose(), 1))
            .getMessage());
    assertEquals("tolerance must be >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
        () -> m.firstDifference(m, -1)).getMessage());
    assertEquals(m, sample());
    assertEquals(m.hashCode(), sample().hashCode());
  }

  @Test
  void errorsNameTheRowAndColumn() {
    SparseMatrix.Builder b = SparseMatrix.builder(3, 4);
    assertEquals("entry (3, 0) is outside the 3 x 4 matrix",
        assertThrows(IllegalArgumentException.class, () -> b.add(3, 0, 1)).getMessage());
    assertEquals("entry (0, -1) is outside the 3 x 4 matrix",
        assertThrows(IllegalArgumentException.class, () -> b.add(0, -1, 1)).getMessage());
    assertEquals("entry (1, 2) is NaN",
        assertThrows(IllegalArgumentException.class, () -> b.add(1, 2, Double.NaN))
            .getMessage());
    assertEquals("(2, 4) is outside the 3 x 4 matrix",
        assertThrows(IndexOutOfBoundsException.class, () -> sample().get(2, 4)).getMessage());
    assertEquals("a matrix cannot be -1 x 2",
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.builder(-1, 2))
            .getMessage());
    assertEquals("row 1 has 1 columns, row 0 has 2",
        assertThrows(IllegalArgumentException.class,
            () -> SparseMatrix.fromDense(new double[][] {{1, 2}, {3}})).getMessage());
  }

  @Test
  void fromCsrChecksAndCopiesItsArrays() {
    int[] pointers = {0, 2, 2, 4};
    int[] columns = {0, 2, 1, 3};
    double[] values = {1, 2, 3, 4};
    SparseMatrix m = SparseMatrix.fromCsr(3, 4, pointers, columns, values);
    assertEquals(sample(), m);
    values[0] = 99;
    assertEquals(1.0, m.get(0, 0), "the arrays were copied");
    assertEquals("row 2: column 1 follows column 3; columns must be strictly increasing within a"
        + " row", assertThrows(IllegalArgumentException.class, () -> SparseMatrix.fromCsr(3, 4,
            new int[] {0, 2, 2, 4}, new int[] {0, 2, 3, 1}, new double[4])).getMessage());
    assertEquals("entry (0, 4) has a column outside 0..3",
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.fromCsr(3, 4,
            new int[] {0, 1, 1, 1}, new int[] {4}, new double[1])).getMessage());
    assertEquals("entry (2, 1) is NaN", assertThrows(IllegalArgumentException.class,
        () -> SparseMatrix.fromCsr(3, 4, new int[] {0, 0, 0, 1}, new int[] {1},
            new double[] {Double.NaN})).getMessage());
    assertEquals("row pointers must run from 0 to 0, got 1 to 0",
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.fromCsr(1, 1,
            new int[] {1, 0}, new int[0], new double[0])).getMessage());
    assertEquals("a 3-row matrix needs 4 row pointers, got 3",
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.fromCsr(3, 4,
            new int[3], new int[0], new double[0])).getMessage());
    assertEquals("2 column indices but 1 values", assertThrows(IllegalArgumentException.class,
        () -> SparseMatrix.fromCsr(1, 4, new int[] {0, 2}, new int[2], new double[1]))
        .getMessage());
    assertEquals("row 1 ends at 1 before it starts at 2",
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.fromCsr(2, 4,
            new int[] {0, 2, 1}, new int[] {0}, new double[1])).getMessage());
  }
}
