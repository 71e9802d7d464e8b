package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.io.MatrixMarket;
import dev.lathe.api.sparse.SparseMatrix;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the SpGEMM benchmark on two small shipped matrices: both sides must run and agree, and
 * the SpArch plugin's accelerator, found on the module path, must estimate a product.
 */
class SpgemmSmokeTest {

  private static final Path BENCHMARKS = Path.of(System.getProperty("lathe.benchmarks.dir"));
  private static final Path SHIPPED = BENCHMARKS.resolveSibling(Spgemm.SHIPPED_FOLDER);

  @Test
  void squaresBesideSciPyAndTimesTheAccelerator(@TempDir Path work) throws Exception {
    Spgemm benchmark = new Spgemm(2, BENCHMARKS, Path.of("/usr/bin/python3"));
    Map<String, SparseMatrix> matrices = new LinkedHashMap<>();
    for (String name : List.of("Erdos971", "Pd")) {
      matrices.put(name, MatrixMarket.read(SHIPPED.resolve(name + ".mtx.gz")));
    }
    List<Spgemm.ProductResult> products = benchmark.products(matrices, work);
    assertEquals(19_677, products.get(0).productNnz());
    assertEquals(17_289, products.get(1).productNnz());
    assertEquals(2, products.get(1).scipySortedSeconds().size());
    assertTrue(benchmark.scipyVersion().startsWith("1."), benchmark.scipyVersion());
    Spgemm.ThroughputResult t = benchmark.throughput("Erdos971", matrices.get("Erdos971"),
        work.resolve("accelerator"));
    assertEquals(35_732, t.partialProducts());
    assertEquals(2, t.sparchSeconds().size());
    assertTrue(t.outerSpaceDramBytes() > t.sparchDramBytes());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Spgemm.print(benchmark.scipyVersion(), products, t,
        new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.matches("(?s).*\nPd +8,081 +13,036 +17,289 .*x\n.*"), table);
    assertTrue(table.contains("geometric mean"), table);
    assertTrue(table.matches("(?s).*SpArch \\(all techniques\\) +\\d+\\.\\d{3} s +[\\d,]+ partial"
        + " products/s.*"), table);
  }

  @Test
  void readsEveryShippedMatrix() throws Exception {
    Map<String, SparseMatrix> matrices = Spgemm.matrices(SHIPPED, BENCHMARKS);
    assertEquals(List.of("Pd", "Erdos971", "jagmesh7", "bcspwr10", "dwt_992", "G51", "rmat-13",
        "rmat-15"), List.copyOf(matrices.keySet()));
    assertEquals(210_642, matrices.get("G51").multiply(matrices.get("G51")).nnz());
  }
}
