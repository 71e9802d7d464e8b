package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lathe} command end to end: real processes on the distribution's module path. */
class CommandLineIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void versionAndHelp() throws Exception {
    Cli.Result version = Cli.run(dir, "--version");
    assertEquals(0, version.exit(), version.toString());
    assertTrue(version.out().startsWith("lathe 0.1.0"), version.toString());
    Cli.Result help = Cli.run(dir, "--help");
    assertEquals(0, help.exit(), help.toString());
    for (String command : List.of("plugins", "describe", "run", "resume", "report", "reproduce")) {
      assertTrue(help.out().contains(command), command + " in " + help);
    }
    assertTrue(help.out().contains("2   bad experiment file"), help.toString());
    for (String command : List.of("plugins", "describe", "run", "resume", "report", "reproduce",
        "cost", "data", "ledger", "worker")) {
      Cli.Result sub = Cli.run(dir, command, "--help");
      assertEquals(0, sub.exit(), sub.toString());
      assertTrue(sub.out().startsWith("Usage: lathe " + command), sub.toString());
    }
  }

  @Test
  void pluginsAsJsonListEveryPluginWithItsPoints() throws Exception {
    Cli.Result r = Cli.run(dir, "plugins", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    Map<String, JsonNode> byId = new HashMap<>();
    JSON.readTree(r.out()).get("plugins").forEach(p -> byId.put(p.get("id").asText(), p));
    assertEquals(Set.of("baselines", "branin", "cmaes", "gp-ei", "hartmann6", "local", "memory",
        "hazelcast", "random", "zdt1", "evolution", "ofa-evolution", "nsga2", "grid",
        "mobilenetv2", "mobilenetv3-large", "resnet18", "resnet50", "transformer-base",
        "small-cnn", "training", "chainsplitter", "sparch", "ofa", "ofa-mbv3", "spanner",
        "micronet", "micronet-lm", "micronet-score", "micronet-cnn", "micronet-model",
        "perplexity", "prune", "quantize", "distill", "gcnrl", "gcnrl-circuit", "gcnrl-spice",
        "ofa-mini"),
        byId.keySet());
    assertEquals(List.of("graph-algorithm", "reproduction"),
        texts(byId.get("spanner").get("extension_points")));
    assertEquals(List.of("search-space", "evaluator"), texts(byId.get("branin").get("extension_points")));
    assertEquals(List.of("result-store", "executor"), texts(byId.get("local").get("extension_points")));
    assertEquals(List.of("result-store", "reproduction"),
        texts(byId.get("chainsplitter").get("extension_points")));
    for (JsonNode p : byId.values()) {
      assertEquals("built-in", p.get("origin").asText());
      assertTrue(p.get("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), p.toString());
      assertTrue(p.has("paper"), p.toString());
    }
  }

  @Test
  void pluginsTableIsPrintedWhole() throws Exception {
    Cli.Result r = Cli.run(dir, "plugins");
    assertEquals(0, r.exit(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("ID "), r.toString());
    assertTrue(lines.stream().anyMatch(l -> l.matches("branin +0\\.1\\.0 +search-space,evaluator .*")),
        r.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("mobilenetv3-large ")), r.toString());
  }

  @Test
  void quickstartRunsARealSearchAndWritesTheResultsFolder() throws Exception {
    Path out = dir.resolve("q");
    Cli.Result r = Cli.run(dir, "run", Cli.ROOT.resolve("examples/quickstart.yaml").toString(),
        "--out", out.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("200 trials, 200 completed, 0 failed"), r.toString());
    for (String file : List.of("config.yaml", "provenance.json", "trials.jsonl", "events.jsonl",
        "checkpoint.json", "trials.csv", "summary.md", "summary.json", "history.png")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    List<String> trials = Files.readAllLines(out.resolve("trials.jsonl"));
    assertEquals(200, trials.size());
    assertEquals(200, ids(trials).size());
    BufferedImage history = ImageIO.read(out.resolve("history.png").toFile());
    assertEquals(900, history.getWidth());
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertNotNull(summary);
    JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
    assertEquals(42, provenance.get("seeds").get("experiment").asLong());
    JsonNode platform = provenance.get("platform");
    assertEquals(System.getProperty("java.version"), platform.get("java.version").asText());
    // ND4J is on the class path, but nothing in this experiment uses it: it is not started
    assertEquals("none", platform.get("tensor_backend").asText(), platform.toString());
    assertFalse(platform.has("blas.vendor"), platform.toString());
    assertFalse(r.err().contains("WARN"), r.toString());
    JsonNode optimizer = StreamSupport.stream(provenance.get("plugins").spliterator(), false)
        .filter(p -> p.get("role").asText().equals("optimizer")).findFirst().orElseThrow();
    assertEquals("random", optimizer.get("id").asText());
    assertEquals(Cli.ROOT.resolve("examples/quickstart.yaml").toString(),
        provenance.get("inputHashes").fieldNames().next());

    Cli.Result report = Cli.run(dir, "report", out.toString());
    assertEquals(0, report.exit(), report.toString());
    assertTrue(report.out().contains("history.png"), report.toString());

    Cli.Result again = Cli.run(dir, "run", Cli.ROOT.resolve("examples/quickstart.yaml").toString(),
        "--out", out.toString(), "--set", "experiment.seed=7");
    assertEquals(2, again.exit(), again.toString());
    assertTrue(again.err().contains("holds a different experiment (seed 42 vs 7)"),
        again.toString());
  }

  @Test
  void reproducesTheBaselinesClaims() throws Exception {
    Cli.Result r = Cli.run(dir, "reproduce", "baselines", "--quick", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode claims = JSON.readTree(r.out()).get("claims");
    assertTrue(claims.size() >= 4, r.out());
    claims.forEach(c -> assertEquals("reproduced", c.get("verdict").asText(), c.toString()));
  }

  @Test
  void describeShowsParametersAndSuggestsOnTypos() throws Exception {
    Cli.Result r = Cli.run(dir, "describe", "zdt1");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("dimensions"), r.toString());
    Cli.Result typo = Cli.run(dir, "describe", "brannin");
    assertEquals(2, typo.exit(), typo.toString());
    assertEquals(List.of("lathe: no plugin 'brannin'; did you mean 'branin'?; 'lathe plugins'"
        + " lists them"), typo.errLines());
  }

  /** Every Lathe module's packages start with the module's name. */
  @Test
  void everyPackageStartsWithItsModuleName() {
    Set<String> checked = new TreeSet<>();
    for (ModuleReference ref : ModuleFinder.of(Cli.MODULES).findAll()) {
      ModuleDescriptor d = ref.descriptor();
      if (d.name().startsWith("dev.lathe")) {
        checked.add(d.name());
        assertFalse(d.isAutomatic(), d.name() + " has a module-info");
        for (String p : d.packages()) {
          assertTrue(p.startsWith(d.name()), p + " in module " + d.name());
        }
      }
    }
    assertEquals(new TreeSet<>(List.of(
        "dev.lathe.api", "dev.lathe.core", "dev.lathe.nd4j", "dev.lathe.registry",
        "dev.lathe.plugin.baselines", "dev.lathe.plugin.zoo", "dev.lathe.plugin.training",
        "dev.lathe.plugin.chainsplitter", "dev.lathe.plugin.sparch", "dev.lathe.plugin.ofa",
        "dev.lathe.hazelcast", "dev.lathe.plugin.spanner", "dev.lathe.plugin.micronet",
        "dev.lathe.plugin.gcnrl")),
        checked);
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  static Set<String> ids(List<String> jsonLines) throws IOException {
    Set<String> ids = new HashSet<>();
    for (String line : jsonLines) {
      ids.add(JSON.readTree(line).get("id").asText());
    }
    return ids;
  }
}
