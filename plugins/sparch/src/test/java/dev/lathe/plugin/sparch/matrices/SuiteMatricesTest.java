package dev.lathe.plugin.sparch.matrices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.sparse.SparseMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SuiteSparse matrices: shipped small ones and larger ones from a folder. */
class SuiteMatricesTest {

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
