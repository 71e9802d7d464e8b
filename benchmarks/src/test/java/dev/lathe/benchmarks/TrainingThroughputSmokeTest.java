package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the training benchmark at a tiny size: both sides, both models, one thread, compared. */
class TrainingThroughputSmokeTest {

  @Test
  void measuresLatheBesidePyTorchOnBothModelsAndPrintsRatios() throws Exception {
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir"));
    List<TrainingThroughput.Row> rows = new TrainingThroughput(1, 2, 1, dir,
        Path.of("/usr/bin/python3")).measure(List.of("mlp", "cnn"));
    assertEquals(4, rows.size());
    assertEquals(2, rows.stream().filter(r -> r.side().startsWith("PyTorch 1.13")).count(),
        "Debian's PyTorch 1.13 ran both models");
    for (TrainingThroughput.Row r : rows) {
      assertEquals(1, r.threads(), "surefire starts this JVM with OMP_NUM_THREADS=1");
      assertEquals(2, r.steps());
      assertTrue(r.median() > 0 && Double.isFinite(r.median()), r + " has a rate");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TrainingThroughput.print(rows, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.matches("(?s).*MLP 784-256-10 +Lathe \\(ND4J 1.0.0-M2.1\\) .* \\d+\\.\\d\\dx.*"),
        table);
    assertTrue(table.contains("CNN conv32-conv64-fc128"), table);
  }
}
