package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the kernel-overhead benchmark at a tiny size: both sides must run and be compared. */
class KernelOverheadSmokeTest {

  @Test
  void measuresLatheBesideOptunaAndPrintsRatios() throws Exception {
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir"));
    List<KernelOverhead.Row> rows =
        new KernelOverhead(200, 1, dir, Path.of("/usr/bin/python3")).measure();
    assertEquals(6, rows.size());
    assertEquals(2, rows.stream().filter(r -> r.side().startsWith("Optuna 3.")).count(),
        "Debian's Optuna 3.x ran for both storages");
    for (KernelOverhead.Row r : rows) {
      assertEquals(200, r.trials());
      assertEquals(1, r.rates().size());
      assertTrue(r.median() > 0 && Double.isFinite(r.median()), r + " has a rate");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    KernelOverhead.print(rows, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("journal  Lathe"), table);
    assertTrue(table.matches("(?s).*memory +Lathe .* \\d+\\.\\dx.*"), table);
  }
}
