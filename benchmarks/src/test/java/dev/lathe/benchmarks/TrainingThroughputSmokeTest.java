package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the training benchmark at a tiny size: both sides, every model, one thread, compared. */
class TrainingThroughputSmokeTest {

  @Test
  void measuresLatheBesidePyTorchOnEveryModelAndPrintsRatios() throws Exception {
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir"));
    List<TrainingThroughput.Row> rows = new TrainingThroughput(1, 2, 1, 1, dir,
        Path.of("/usr/bin/python3")).measure(List.of("mlp", "cnn", "transformer"));
    assertEquals(6, rows.size());
    assertEquals(3, rows.stream().filter(r -> r.side().startsWith("PyTorch 1.13")).count(),
        "Debian's PyTorch 1.13 ran every model");
    for (TrainingThroughput.Row r : rows) {
      assertEquals(1, r.threads(), "surefire starts this JVM with OMP_NUM_THREADS=1");
      assertEquals(2, r.steps());
      assertTrue(r.median() > 0 && Double.isFinite(r.median()), r + " has a rate");
      assertTrue(r.cpuMillisPerStep() > 0, r + " has a CPU time per step");
    }
    for (int i = 1; i < rows.size(); i += 2) {
      TrainingThroughput.Row lathe = rows.get(i);
      assertEquals(1, lathe.profiledSteps(), lathe.model());
      assertTrue(lathe.opMillisPerStep() > 0, lathe + ": SameDiff's ops were timed");
      assertTrue(lathe.topOps().containsKey("matmul_bp"), lathe + ": every model multiplies");
    }
    for (int i = 0; i < rows.size(); i += 2) {
      assertEquals(rows.get(i).model(), rows.get(i + 1).model());
      assertEquals(rows.get(i).batch(), rows.get(i + 1).batch(), rows.get(i).model());
      assertEquals(rows.get(i).parameters(), rows.get(i + 1).parameters(),
          rows.get(i).model() + ": both sides train the same weights");
    }
    assertEquals(455_272, rows.get(4).parameters(), "the transformer block's weights");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TrainingThroughput.print(rows, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.matches(
        "(?s).*MLP 784-256-10 +128 Lathe \\(ND4J 1.0.0-M2.1\\) .* \\d+\\.\\d\\dx.*"), table);
    assertTrue(table.contains("CNN conv32-conv64-fc128"), table);
    assertTrue(table.contains("Where a step's time goes"), table);
    assertTrue(table.matches("(?s).*  cnn: most time in .*conv2d.*"), table);
    assertTrue(table.matches("(?s).*Transformer block d128 h4 T64 ff512 V1000 +32 +Lathe .*"),
        table);
  }
}
