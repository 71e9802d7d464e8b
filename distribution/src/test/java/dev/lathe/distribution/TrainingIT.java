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
 * The training plugin from the real CLI: its network counted, and its reproduction training the
 * small CNN through dev.lathe.nd4j (ND4J on the class path, read from two named modules) on the
 * Fashion-MNIST slice that the plugin's tests ship.
 */
class TrainingIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SLICE = Cli.ROOT.resolve("plugins/training/src/test/resources/data");

  @TempDir
  Path dir;

  @Test
  void countsTheSmallCnn() throws Exception {
    Cli.Result r = Cli.run(dir, "cost", "small-cnn", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode cost = JSON.readTree(r.out());
    assertEquals(1_199_882, cost.get("params").asLong());
    assertEquals(26 * 26 * 32 * 9 + 24 * 24 * 64 * 288 + 9_216 * 128 + 128 * 10,
        cost.get("macs").asLong());
  }

  @Test
  void trainsTheSmallCnnInQuickMode() throws Exception {
    ProcessBuilder pb = Cli.command(dir, "reproduce", "training", "--quick", "--format", "json");
    pb.environment().put("LATHE_DATA_DIR", SLICE.toString());
    pb.environment().put("OMP_NUM_THREADS", "1");
    // The progress of each epoch, at INFO under the plugin's logger, as docs/training.md says.
    pb.command().add(1, "-Dorg.slf4j.simpleLogger.log.lathe.plugin.training=info");
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "lathe reproduce training --quick ran over two"
        + " minutes");
    Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    JsonNode report = JSON.readTree(r.out());
    assertEquals("training", report.get("paper").asText(), r.toString());
    assertEquals("quick", report.get("mode").asText());
    JsonNode claim = report.get("claims").get(0);
    assertEquals("fashion-mnist-small-cnn", claim.get("id").asText());
    assertTrue(claim.get("lathe").asText().matches("\\d+\\.\\d\\d % test accuracy"),
        r.toString());
    assertTrue(claim.get("note").asText().startsWith("quick mode: 256 training images, 1 epoch(s)"
        + " of 2 steps"), r.toString());
    String verdict = claim.get("verdict").asText();
    assertEquals(verdict.equals("not_reproduced") ? 6 : 0, r.exit(), r.toString());
    assertTrue(r.err().contains("INFO training - epoch 1: training loss"), r.toString());
  }
}
