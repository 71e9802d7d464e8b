package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MicroNet plugin's reproduction from the real CLI in quick mode, on the Fashion-MNIST slice
 * its tests ship: the score anchors, and the distil-prune-quantise pipeline's stage table
 * through dev.lathe.nd4j.
 */
class MicronetIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SLICE = Cli.ROOT.resolve("plugins/training/src/test/resources/data");

  @TempDir
  Path dir;

  @Test
  void reproducesTheScoreAndRunsThePipelineInQuickMode() throws Exception {
    ProcessBuilder pb = Cli.command(dir, "reproduce", "micronet", "--quick", "--format", "json");
    pb.environment().put("LATHE_DATA_DIR", SLICE.toString());
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.command().add(1, "-Dorg.slf4j.simpleLogger.log.lathe.plugin.micronet=info");
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "lathe reproduce micronet --quick ran over three"
        + " minutes");
    Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    JsonNode report = JSON.readTree(r.out());
    assertEquals("micronet", report.get("paper").asText(), r.toString());
    JsonNode claims = report.get("claims");
    assertEquals(3, claims.size(), r.toString());
    assertEquals("micronet-score", claims.get(0).get("id").asText());
    assertEquals("reproduced", claims.get(0).get("verdict").asText(), r.toString());
    assertTrue(claims.get(0).get("lathe").asText().endsWith("score 0.0387469"), r.toString());
    JsonNode pipeline = claims.get(1);
    assertEquals("compression-pipeline", pipeline.get("id").asText());
    assertTrue(pipeline.get("lathe").asText().matches("score \\d+\\.\\d× lower, accuracy"
        + " [+-]\\d+\\.\\d\\d points"), r.toString());
    assertTrue(pipeline.get("note").asText().contains("+ 8-bit QAT: 14,410 params"),
        r.toString());
    assertEquals("distillation", claims.get(2).get("id").asText());
    assertTrue(r.exit() == 0 || r.exit() == 6, r.toString());
    assertTrue(r.err().contains("INFO micronet - micronet pipeline: teacher: 225,034 params"),
        r.toString());
  }
}
