package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the dispatch-overhead benchmark at a tiny size: one worker JVM and the local executor,
 * each measured beside the ideal wall time.
 */
class DispatchOverheadSmokeTest {

  @Test
  void measuresOneWorkerAndTheLocalExecutorBesideTheIdeal() throws Exception {
    List<DispatchOverhead.Row> rows = new DispatchOverhead(40, 10, 1, 2, 2, 1).measure();
    assertEquals(List.of("hazelcast", "local"),
        rows.stream().map(DispatchOverhead.Row::executor).toList());
    for (DispatchOverhead.Row r : rows) {
      assertEquals(40, r.trials());
      assertEquals(2, r.slots());
      assertEquals(4, r.batch());
      assertEquals(0.2, r.idealSeconds(), 1e-9);
      assertTrue(r.ratio() >= 0.95 && Double.isFinite(r.ratio()),
          r + ": 40 trials of 10 ms on 2 slots cannot beat 0.2 s");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DispatchOverhead.print(rows, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.matches("(?s).*hazelcast +1 +2 +4 .*x.*local +- +2 +4 .*x.*"), table);
  }
}
