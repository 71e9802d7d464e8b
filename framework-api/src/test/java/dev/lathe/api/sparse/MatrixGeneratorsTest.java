package dev.lathe.api.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The generated matrices: sizes, skew, values and determinism. */
class MatrixGeneratorsTest {

  private static int longestRow(SparseMatrix m) {
    int longest = 0;
    for (int r = 0; r < m.rows(); r++) {
      longest = Math.max(longest, m.rowNnz(r));
    }
    return longest;
  }

  private static void assertIntegerValuesFrom1To9(SparseMatrix m) {
    for (int k = 0; k < m.nnz(); k++) {
      double v = m.value(k);
      assertTrue(v == Math.rint(v) && v >= 1, "value " + v);
    }
  }

  @Test
  void uniformMatrixHasAboutDegreeEntriesPerRow() {
    SparseMatrix m = MatrixGenerators.uniform(2000, 6, 1);
    assertEquals(2000, m.rows());
    assertTrue(m.nnz() > 11_900 && m.nnz() <= 12_000, "nnz " + m.nnz());
    assertTrue(longestRow(m) < 25, "a uniform matrix has no heavy rows");
    assertIntegerValuesFrom1To9(m);
    assertEquals(m, MatrixGenerators.uniform(2000, 6, 1));
    assertNotEquals(m, MatrixGenerators.uniform(2000, 6, 2));
    assertThrows(IllegalArgumentException.class, () -> MatrixGenerators.uniform(5, 6, 1));
  }

  @Test
  void rmatIsSkewed() {
    SparseMatrix m = MatrixGenerators.rmat(12, 8, 3);
    assertEquals(4096, m.rows());
    assertTrue(m.nnz() > 20_000 && m.nnz() <= 8 * 4096, "nnz " + m.nnz());
    // Graph500 R-MAT: the heaviest row holds far more than the mean of 8
    assertTrue(longestRow(m) > 100, "longest row " + longestRow(m));
    assertEquals(m, MatrixGenerators.rmat(12, 8, 3));
    assertThrows(IllegalArgumentException.class,
        () -> MatrixGenerators.rmat(10, 8, 0.6, 0.3, 0.3, 1));
  }

  /** The matrix is a pure function of its seed: these entries and this hash, on every JVM. */
  @Test
  void rmatOfASeedIsAlwaysTheSameMatrix() {
    SparseMatrix m = MatrixGenerators.rmat(9, 8, 1);
    assertEquals(512, m.rows());
    assertEquals(3_164, m.nnz());
    assertEquals(1_581_879_361, m.hashCode());
    assertEquals(46_754, m.multiply(m).nnz());
  }
}
