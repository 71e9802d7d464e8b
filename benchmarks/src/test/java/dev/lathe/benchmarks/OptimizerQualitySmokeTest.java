package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the optimizer-quality benchmark at a tiny size: every row of both sides must run (or, for
 * NSGA-II on ZDT1, be measured on both sides or skipped on both, saying why) and be printed.
 */
class OptimizerQualitySmokeTest {

  @Test
  void measuresLatheBesideOptunaAndPrintsTheTargets() throws Exception {
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir"));
    List<OptimizerQuality.Row> rows =
        new OptimizerQuality(1, 12, 16, 200, 1, dir, Path.of("/usr/bin/python3")).measure();
    assertEquals(14, rows.size());
    assertEquals(6, rows.stream().filter(r -> r.side().startsWith("Optuna 3.")
        && !r.problem().equals("zdt1")).count(),
        "Debian's Optuna 3.x ran every sampler on the single-objective problems");
    List<OptimizerQuality.Row> zdt1 = rows.stream().filter(r -> r.problem().equals("zdt1")).toList();
    assertEquals(2, zdt1.size(), zdt1.toString());
    for (OptimizerQuality.Row r : zdt1) {
      assertEquals(null, r.skipped(), "the baselines plugin has nsga2, so both sides run: " + r);
    }
    for (OptimizerQuality.Row r : rows) {
      assertEquals(1, r.values().size(), r.toString());
      assertTrue(r.medianMillisPerTrial() > 0, r + " has a time per trial");
      if (r.metric().equals("regret")) {
        assertTrue(r.median() >= 0 && Double.isFinite(r.median()), r + " has a regret");
      } else {
        assertTrue(r.median() >= 0 && r.median() < 2.0 / 3, r + " has a hypervolume in [0, 2/3)");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OptimizerQuality.print(rows, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.matches("(?s).*branin +12 +Lathe +gp-ei +regret .*"), table);
    assertTrue(table.matches("(?s).*hartmann6 +16 +Optuna 3\\.\\S+ +tpe +regret .*"), table);
    assertTrue(table.contains("target: gp-ei median regret <= TPE's on branin: "), table);
    assertTrue(table.contains("target: nsga2"), table);
  }
}
