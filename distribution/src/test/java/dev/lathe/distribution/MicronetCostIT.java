package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lathe cost micronet-lm --convention micronet} end to end: the anchors of issue 9, the
 * MicroNet LM winners' evaluation notebook (arXiv:2005.07877) to its printed digits.
 */
class MicronetCostIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private JsonNode cost(String... settings) throws Exception {
    String[] args = new String[5 + 2 * settings.length];
    args[0] = "cost";
    args[1] = "micronet-lm";
    args[2] = "--convention";
    args[3] = "micronet";
    args[4] = "--format=json";
    for (int i = 0; i < settings.length; i++) {
      args[5 + 2 * i] = "--set";
      args[6 + 2 * i] = settings[i];
    }
    Cli.Result r = Cli.run(dir, args);
    assertEquals(0, r.exit(), r.toString());
    return JSON.readTree(r.out());
  }

  @Test
  void thePublishedConfigurationDense() throws Exception {
    JsonNode dense = cost();
    assertEquals(8_296_021, dense.get("params").asLong());
    assertEquals("17.427", String.format(Locale.ROOT, "%.3f", dense.get("ops").asDouble() / 1e6));
    assertEquals(dense.get("ops").asDouble(), dense.get("macs").asDouble());
    assertEquals(76, dense.get("tensors").size());
    assertEquals(2 + 8 * 13 + 1 + 3 + 2 + 3, dense.get("terms").size());
    assertEquals("layers.0.qkv", dense.get("terms").get(3).get("name").asText());
    assertEquals(147_456, dense.get("terms").get(3).get("multiplications").asLong());
    JsonNode cached = cost("n_cache=2000");
    assertEquals("18.455", String.format(Locale.ROOT, "%.3f",
        cached.get("ops").asDouble() / 1e6));
  }

  @Test
  void thePublishedFinalModelScores0_0387469() throws Exception {
    String sparsity = Files.readString(Cli.ROOT.resolve(
        "plugins/micronet/src/main/resources/dev/lathe/plugin/micronet/published-sparsity.txt"),
        StandardCharsets.UTF_8).trim();
    JsonNode doc = cost("n_cache=3000", "bits=9", "sparsity=" + sparsity);
    assertEquals(8_296_021, doc.get("params").asLong());
    assertEquals(5_326_376, doc.get("nonzero_params").asLong());
    assertEquals(1_757_391.875, doc.get("size").asDouble());
    assertEquals(1_498_043.25, doc.get("param_size").asDouble());
    assertEquals(259_250.65625, doc.get("mask_size").asDouble());
    assertEquals(97.96875, doc.get("quantization_size").asDouble());
    assertEquals(57, doc.get("quantizers").asInt());
    assertEquals("8806715.24", String.format(Locale.ROOT, "%.2f", doc.get("ops").asDouble()));
    assertEquals(845_247, doc.get("others").asLong());
    assertEquals("0.0387469", String.format(Locale.ROOT, "%.7f", doc.get("score").asDouble()));
  }

  @Test
  void theTableListsEveryTerm() throws Exception {
    Cli.Result r = Cli.run(dir, "cost", "micronet-lm", "--convention", "micronet", "--nodes",
        "--set", "bits=8");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("layers.7.attn_v"), r.out());
    assertTrue(r.out().contains("loss.softmax.2"), r.out());
    assertTrue(r.out().contains("scored parameters"), r.out());
    assertTrue(r.out().contains("8,296,021"), r.out());
    assertTrue(r.out().contains("quantization size"), r.out());
    assertTrue(r.out().contains("params (node by node)"), r.out());
    assertTrue(r.out().strip().endsWith("11.20M ops per token, size 2.333M, score 0.0499064"),
        r.out());
    Cli.Result bad = Cli.run(dir, "cost", "micronet-lm", "--convention", "micronet", "--set",
        "sparsity=0.1,0.2");
    assertEquals(2, bad.exit(), bad.toString());
    assertTrue(bad.err().contains("sparsity has 2 values"), bad.toString());
  }
}
