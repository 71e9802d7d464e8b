package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the SPICE throughput benchmark through the kernel at a tiny size: both modes must run and be compared. */
class SpiceThroughputSmokeTest {

  @Test
  void measuresInProcessBesideProcessesAndPrintsRatios() throws Exception {
    List<SpiceThroughput.Row> rows = new SpiceThroughput("tia3", 4, 1).measure();
    assertEquals(4, rows.size());
    assertEquals("process", rows.get(0).mode());
    assertEquals("in_process", rows.get(3).mode());
    for (SpiceThroughput.Row r : rows) {
      assertTrue(r.median() > 0 && Double.isFinite(r.median()), r + " has a rate");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SpiceThroughput.print(rows, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.matches("(?s).*in_process +2 +4 .*x.*"), table);
  }
}
