package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment file's {@code compressors:} chain from the real CLI: the MicroNet example
 * (distill → prune → quantize on CNNs of the micronet-cnn space, measured by micronet-model) at
 * a tiny budget on the Fashion-MNIST slice the tests ship.
 */
class CompressorChainIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SLICE = Cli.ROOT.resolve("plugins/training/src/test/resources/data");

  @TempDir
  Path dir;

  @Test
  void theMicronetExampleCompressesEveryTrialsModelInOrder() throws Exception {
    Path results = dir.resolve("results");
    ProcessBuilder pb = Cli.command(dir, "run",
        Cli.ROOT.resolve("examples/micronet-compress.yaml").toString(), "--out",
        results.toString(), "--quiet", "--set", "budget.trials=2", "--set",
        "optimizer.population=2", "--set", "space.steps=3", "--set", "space.teacher-steps=3",
        "--set", "space.train-images=192", "--set", "space.validation-images=64",
        "--set", "compressors(0).steps=2", "--set", "compressors(1).steps=4",
        "--set", "compressors(2).steps=2", "--set", "evaluators(0).test-images=128");
    pb.environment().put("LATHE_DATA_DIR", SLICE.toString());
    pb.environment().put("OMP_NUM_THREADS", "1");
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the example ran over 5 minutes");
    Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("2 trials, 2 completed, 0 failed"), r.toString());
    List<String> lines = Files.readAllLines(results.resolve("trials.jsonl"));
    assertEquals(2, lines.size());
    for (String line : lines) {
      JsonNode metrics = JSON.readTree(line).get("metrics");
      double params = value(metrics, "prune_params");
      double nonzero = value(metrics, "nonzero_params");
      assertTrue(nonzero <= 0.5 * params + 1, "half the weights pruned: " + metrics);
      assertTrue(nonzero <= value(metrics, "prune_nonzero_params"),
          "quantisation keeps pruned weights at zero (and may round more to zero): " + metrics);
      assertTrue(value(metrics, "quantize_max_values_per_channel") <= 256,
          metrics.toString());
      assertTrue(metrics.has("distill_accuracy"), metrics.toString());
      assertTrue(value(metrics, "micronet_score") > 0, metrics.toString());
    }
    String config = Files.readString(results.resolve("config.yaml"));
    assertTrue(config.indexOf("plugin: distill") < config.indexOf("plugin: prune")
        && config.indexOf("plugin: prune") < config.indexOf("plugin: quantize"), config);
  }

  /** A metric's value in a trials.jsonl record: {@code "name": [value, unit, origin]}. */
  private static double value(JsonNode metrics, String name) {
    assertTrue(metrics.has(name), name + " missing from " + metrics);
    return metrics.get(name).get(0).asDouble();
  }
}
