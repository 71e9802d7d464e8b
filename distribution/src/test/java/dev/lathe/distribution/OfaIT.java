package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Once-for-All plugin from the real CLI: cost anchors, the space's size, refused genes, the
 * quick reproduction and the two composed examples.
 */
class OfaIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SLICE = Cli.ROOT.resolve("plugins/training/src/test/resources/data");

  @TempDir
  Path dir;

  /** The acceptance line of issue 6: the largest subnet, 566.17M MACs and 7.665M parameters. */
  @Test
  void largestSubnetCostsWhatThePaperSays() throws Exception {
    Cli.Result r = Cli.run(dir, "cost", "ofa-mbv3", "--set", "ks=7", "--set", "e=6", "--set",
        "d=4", "--set", "r=224", "--set", "w=1.0", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode doc = JSON.readTree(r.out());
    assertEquals(566_170_656, doc.get("macs").asLong());
    assertEquals(7_664_760, doc.get("params").asLong());
    assertEquals("566.17M MACs, 7.665M params", String.format(Locale.ROOT,
        "%.2fM MACs, %.3fM params", doc.get("macs").asDouble() / 1e6,
        doc.get("params").asDouble() / 1e6));
  }

  @Test
  void listsSetGenesOneByOne() throws Exception {
    Cli.Result r = Cli.run(dir, "cost", "ofa-mbv3", "--set",
        "ks=3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3", "--set", "e=3", "--set", "d=2,2,2,2,2",
        "--set", "r=128", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode doc = JSON.readTree(r.out());
    assertEquals(41_476_224, doc.get("macs").asLong());
    assertEquals(3_410_792, doc.get("params").asLong());
  }

  @Test
  void refusesAnIllegalGeneByName() throws Exception {
    Cli.Result r = Cli.run(dir, "cost", "ofa-mbv3", "--set", "ks=3,5,7,4,3,3,3,3,3,3,3,3,3,3,3,"
        + "3,3,3,3,3");
    assertTrue(r.exit() != 0, r.toString());
    assertTrue(r.err().contains("gene 'ks_3' = 4 is not a kernel size of OFA-MobileNetV3"
        + " (3,5,7)"), r.toString());
    Cli.Result count = Cli.run(dir, "cost", "ofa-mbv3", "--set", "d=4,4,4");
    assertTrue(count.err().contains("setting 'd' has 3 values; give one for all or 5, one per"
        + " stage"), count.toString());
  }

  @Test
  void describePrintsTheExactSizeOfTheSpace() throws Exception {
    Cli.Result r = Cli.run(dir, "describe", "ofa");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("7371^5 = 21758655492572485851 architectures × 25 resolutions"
        + " × 2 widths = 1087932774628624292550 subnets"), r.out());
    assertTrue(r.out().contains("arXiv:1908.09791"), r.out());
    assertTrue(r.out().contains("granularity"), r.out());
  }

  /**
   * The quick reproduction on the Fashion-MNIST slice: the arithmetic claims reproduced, the
   * latency claim judged, the training claims partial (the budget cannot decide them); then the
   * accuracy-against-latency example searches with the predictor the reproduction saved.
   */
  @Test
  void reproducesInQuickModeAndTheExampleSearchesWithItsPredictor() throws Exception {
    ProcessBuilder pb = Cli.command(dir, "reproduce", "ofa", "--quick", "--format", "json");
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.environment().put("LATHE_DATA_DIR", SLICE.toString());
    Cli.Result r = finish(pb, 8, "lathe reproduce ofa --quick");
    JsonNode report = JSON.readTree(r.out());
    assertEquals("quick", report.get("mode").asText(), r.toString());
    JsonNode claims = report.get("claims");
    assertEquals("largest-subnet-cost", claims.get(0).get("id").asText());
    assertEquals("566.17M MACs, 7.665M params", claims.get(0).get("lathe").asText());
    assertEquals("reproduced", claims.get(0).get("verdict").asText());
    assertEquals("space-size", claims.get(1).get("id").asText());
    assertEquals("reproduced", claims.get(1).get("verdict").asText());
    assertEquals("latency-lookup-table", claims.get(2).get("id").asText());
    assertTrue(claims.get(2).get("lathe").asText().matches("MAPE \\d+\\.\\d % over 5 subnets"),
        r.toString());
    List<String> training = List.of("progressive-shrinking", "bn-recalibration",
        "accuracy-predictor", "predictor-guided-evolution", "deployment-cost");
    for (int i = 0; i < training.size(); i++) {
      JsonNode claim = claims.get(3 + i);
      assertEquals(training.get(i), claim.get("id").asText());
      assertEquals("partial", claim.get("verdict").asText(), claim.toString());
      assertTrue(claim.get("note").asText().startsWith("quick budget, too small to decide"),
          claim.toString());
    }
    assertTrue(claims.get(5).get("lathe").asText().matches("Kendall τ-b -?\\d\\.\\d\\d on 8"
        + " held-out subnets"), claims.get(5).toString());
    assertEquals(claims.get(2).get("verdict").asText().equals("not_reproduced") ? 6 : 0,
        r.exit(), r.toString());
    Path predictor = dir.resolve("results/reproduce/ofa/ofa-mini-predictor.json");
    assertEquals("lathe-ofa-accuracy-predictor", JSON.readTree(predictor.toFile()).get("format")
        .asText());

    Path results = dir.resolve("mini");
    ProcessBuilder run = Cli.command(dir, "run", Cli.ROOT.resolve(
        "examples/ofa-mini-accuracy-latency.yaml").toString(), "--out", results.toString(),
        "--quiet", "--set", "budget.trials=16", "--set", "optimizer.population=8", "--set",
        "execution.batch=8");
    run.environment().put("OMP_NUM_THREADS", "1");
    run.environment().put("LATHE_OFA_PREDICTOR", predictor.toString());
    run.environment().put("LATHE_OFA_TABLE", dir.resolve("mini-table.json").toString());
    Cli.Result searched = finish(run, 8, "the accuracy-latency example");
    assertEquals(0, searched.exit(), searched.toString());
    assertTrue(searched.out().contains("16 trials, 16 completed, 0 failed"), searched.toString());
    assertTrue(Files.isRegularFile(results.resolve("pareto.png")), searched.toString());
    JsonNode front = JSON.readTree(results.resolve("summary.json").toFile()).get("pareto_front");
    assertTrue(front.get("trials").size() >= 1, front.toString());
  }

  private Cli.Result finish(ProcessBuilder pb, int minutes, String what) throws Exception {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(minutes, TimeUnit.MINUTES), what + " ran over " + minutes + " minutes");
    return new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void theExampleSearchesParametersAgainstLatencyToAParetoFront() throws Exception {
    Path results = dir.resolve("ofa");
    Path table = dir.resolve("table.json");
    ProcessBuilder pb = Cli.command(dir, "run", Cli.ROOT.resolve("examples/ofa-nsga2-latency.yaml")
        .toString(), "--out", results.toString(), "--quiet", "--set", "budget.trials=16",
        "--set", "optimizer.population=8", "--set", "execution.batch=8", "--set",
        "space.max_macs=80000000", "--set", "space.resolutions=128");
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.environment().put("LATHE_OFA_TABLE", table.toString());
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(8, TimeUnit.MINUTES), "the example ran over 8 minutes");
    Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("16 trials, 16 completed, 0 failed"), r.toString());
    assertTrue(Files.isRegularFile(results.resolve("pareto.png")), r.toString());
    JsonNode front = JSON.readTree(results.resolve("summary.json").toFile()).get("pareto_front");
    assertTrue(front.get("trials").size() >= 1, front.toString());
    JsonNode saved = JSON.readTree(table.toFile());
    assertEquals("lathe-ofa-latency-table", saved.get("format").asText());
    assertEquals("1", saved.get("provenance").get("tensor_backend.threads").asText());
    assertTrue(saved.get("entries").size() >= 10, saved.toString());
    assertEquals(1, saved.get("context_networks").asInt(), "calibrated on the first network");
    assertTrue(saved.get("context_factor").asDouble() > 0, saved.toString());
  }
}
