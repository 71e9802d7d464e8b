package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MicroNet plugin's reproduction from the real CLI in quick mode, on the Fashion-MNIST slice
 * and the ten State of the Union addresses of the 1790s that its tests ship (a data directory
 * made for the test): the score anchors, the distil-prune-quantise pipeline's stage table
 * through dev.lathe.nd4j, and the language model's cache and Hebbian-softmax claims.
 */
class MicronetIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SLICE = Cli.ROOT.resolve("plugins/training/src/test/resources/data");
  private static final Path SOTU = Cli.ROOT.resolve(
      "plugins/micronet/src/test/resources/dev/lathe/plugin/micronet/sotu-1790s");

  @TempDir
  Path dir;

  @Test
  void reproducesTheScoreAndRunsThePipelineInQuickMode() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.createSymbolicLink(data.resolve("fashion-mnist"), SLICE.resolve("fashion-mnist"));
    Path sotu = Files.createDirectories(data.resolve("sotu"));
    try (Stream<Path> files = Files.list(SOTU)) {
      for (Path f : files.toList()) {
        Files.copy(f, sotu.resolve(f.getFileName()));
      }
    }
    Files.writeString(sotu.resolve(".lathe-data.json"), "{}");
    ProcessBuilder pb = Cli.command(dir, "reproduce", "micronet", "--quick", "--format", "json");
    pb.environment().put("LATHE_DATA_DIR", data.toString());
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
    assertEquals(6, claims.size(), r.toString());
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
    assertEquals("cache", claims.get(3).get("id").asText());
    assertTrue(claims.get(3).get("lathe").asText().matches("test perplexity \\d+\\.\\d alone,"
        + " \\d+\\.\\d with the trained and searched cache \\([+-]\\d+\\.\\d %\\)"), r.toString());
    assertTrue(claims.get(3).get("note").asText().contains("stages: adaptive LM: "), r.toString());
    assertEquals("hebbian-softmax", claims.get(4).get("id").asText());
    assertTrue(claims.get(4).get("lathe").asText().startsWith("rare-word validation loss after"
        + " 20 updates"), r.toString());
    assertEquals("lm-compression", claims.get(5).get("id").asText());
    assertTrue(claims.get(5).get("lathe").asText().matches("score \\d+\\.\\d× lower, perplexity"
        + " [+-]\\d+\\.\\d %"), r.toString());
    assertTrue(claims.get(5).get("note").asText().contains("+ 9-bit QAT (weights, biases, activations): "),
        r.toString());
    assertTrue(r.exit() == 0 || r.exit() == 6, r.toString());
    assertTrue(r.err().contains("INFO micronet - micronet pipeline: teacher: 225,034 params"),
        r.toString());
  }
}
