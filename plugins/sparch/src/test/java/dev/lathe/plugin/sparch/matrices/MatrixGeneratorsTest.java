package dev.lathe.plugin.sparch.matrices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.sparse.SparseMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated matrices and the SuiteSparse ones. */
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

  @Test
  void shippedSuiteSparseMatricesAreSquare() throws IOException {
    for (String name : SuiteMatrices.SHIPPED) {
      SparseMatrix m = SuiteMatrices.shipped(name);
      assertEquals(m.rows(), m.columns(), name);
    }
    SparseMatrix g51 = SuiteMatrices.shipped("G51");
    assertEquals(1000, g51.rows());
    assertEquals(11_818, g51.nnz(), "5,909 pattern entries, mirrored");
    assertThrows(IllegalArgumentException.class, () -> SuiteMatrices.shipped("nope"));
  }

  @Test
  void largeMatricesComeFromAFolderWhenPresent(@TempDir Path folder) throws IOException {
    assertTrue(SuiteMatrices.inFolder(folder, "NotreDame_www").isEmpty());
    Files.writeString(folder.resolve("tiny.mtx"),
        "%%MatrixMarket matrix coordinate integer general\n2 2 2\n1 2 3\n2 1 4\n");
    SparseMatrix tiny = SuiteMatrices.inFolder(folder, "tiny").orElseThrow();
    assertEquals(3.0, tiny.get(0, 1));
  }
}
