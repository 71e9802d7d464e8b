package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.sparse.SparseMatrix;
import dev.lathe.plugin.sparch.matrices.SuiteMatrices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the SpGEMM benchmark on two small shipped matrices: both sides must run and agree. */
class SpgemmSmokeTest {

  @Test
  void squaresBesideSciPyAndTimesTheSimulator(@TempDir Path work) throws Exception {
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir"));
    Spgemm benchmark = new Spgemm(2, dir, Path.of("/usr/bin/python3"));
    Map<String, SparseMatrix> matrices = new LinkedHashMap<>();
    for (String name : List.of("Erdos971", "Pd")) {
      matrices.put(name, SuiteMatrices.shipped(name));
    }
    List<Spgemm.ProductResult> products = benchmark.products(matrices, work);
    assertEquals(19_677, products.get(0).productNnz());
    assertEquals(17_289, products.get(1).productNnz());
    assertEquals(2, products.get(1).scipySortedSeconds().size());
    assertTrue(benchmark.scipyVersion().startsWith("1."), benchmark.scipyVersion());
    Spgemm.ThroughputResult t = benchmark.throughput("Erdos971", matrices.get("Erdos971"));
    assertEquals(35_732, t.partialProducts());
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
}
