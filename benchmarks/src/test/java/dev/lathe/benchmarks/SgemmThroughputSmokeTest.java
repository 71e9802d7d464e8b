package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the sgemm benchmark at a tiny size: ND4J, NumPy and PyTorch, compared to the peak. */
class SgemmThroughputSmokeTest {

  @Test
  void measuresNd4jBesideNumPyAndTheAnalyticPeak() throws Exception {
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir"));
    SgemmThroughput.Result result = new SgemmThroughput(List.of(128, 256), List.of(1), 1, 0.01, dir,
        Path.of("/usr/bin/python3")).measure();
    assertEquals(8, result.rows().size(), "four sides at each of two sizes");
    for (SgemmThroughput.Row r : result.rows()) {
      assertEquals(1, r.threads());
      assertTrue(r.median() > 0.1 && r.median() < 10 * result.peak().gflops(1, 7000),
          r + " is a rate below ten times any peak");
    }
    assertEquals(2, result.rows().stream().filter(r -> r.side().startsWith("NumPy 1.")).count(),
        "Debian's NumPy ran both sizes");
    assertTrue(result.rows().stream().anyMatch(r -> r.side().equals(
        "ND4J 1.0.0-M2.1 Nd4j.gemm")), result.rows().toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SgemmThroughput.print(result, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("FLOPs per cycle: ") && table.contains(" FLOP/cycle/core"), table);
    assertTrue(table.contains("MHz measured"), table);
    assertTrue(table.matches("(?s).*  256       1  ND4J 1.0.0-M2.1 INDArray.mmul +\\d+\\.\\d +"
        + "\\d+\\.\\d\\dx +\\d+% / +\\d+%.*"), table);
  }

  @Test
  void namesDebiansOpenBlasByItsVersion() {
    assertEquals("OpenBLAS 0.3.21", SgemmThroughput.blasName(
        "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so"));
    assertEquals("libblas.so.3",
        SgemmThroughput.blasName("/usr/lib/x86_64-linux-gnu/libblas.so.3"));
  }
}
