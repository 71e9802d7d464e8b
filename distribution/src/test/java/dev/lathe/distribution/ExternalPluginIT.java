package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.testkit.fixtures.FaultyEvaluatorProvider;
import dev.lathe.testkit.fixtures.NeedsNewerApiEvaluatorProvider;
import dev.lathe.testkit.fixtures.SlowEvaluatorProvider;
import dev.lathe.testkit.jar.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin jars dropped into the plugins folder: listed as external and usable in an experiment;
 * one that needs a newer API is refused with its reason while the others load; an evaluator
 * that throws and hangs does not stop the experiment.
 */
class ExternalPluginIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  Path plugins;
  Path fixturesJar;
  Path newerJar;

  @BeforeEach
  void dropJars() throws Exception {
    plugins = dir.resolve("plugins");
    fixturesJar = PluginJar.withId("fixtures").version("1.2.0").requires("[0.1,1.0)")
        .provider(FaultyEvaluatorProvider.class).provider(SlowEvaluatorProvider.class)
        .writeTo(plugins);
    newerJar = PluginJar.withId("future").provider(NeedsNewerApiEvaluatorProvider.class)
        .writeTo(plugins);
  }

  @Test
  void externalPluginsAreListedAndTheIncompatibleOneIsRefused() throws Exception {
    Cli.Result r = Cli.run(dir, "plugins", "--plugins-dir", plugins.toString(), "--format",
        "json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode doc = JSON.readTree(r.out());
    Map<String, JsonNode> byId = new HashMap<>();
    doc.get("plugins").forEach(p -> byId.put(p.get("id").asText(), p));
    for (String id : List.of("faulty", "slow")) {
      assertEquals("external", byId.get(id).get("origin").asText());
      assertEquals(fixturesJar.toString(), byId.get(id).get("location").asText());
    }
    assertEquals("built-in", byId.get("random").get("origin").asText());
    JsonNode rejected = doc.get("rejected");
    assertEquals(1, rejected.size(), rejected.toString());
    assertEquals("needs-newer-api", rejected.get(0).get("id").asText());
    assertEquals(newerJar.toString(), rejected.get(0).get("location").asText());
    assertEquals("needs Lathe API [9.0.0,) but this kernel provides 0.1.0",
        rejected.get(0).get("reason").asText());

    Cli.Result table = Cli.run(dir, "plugins", "--plugins-dir", plugins.toString());
    assertTrue(table.out().contains("refused: needs-newer-api (" + newerJar + "): needs Lathe API"),
        table.toString());
  }

  @Test
  void evaluatorThatThrowsAndHangsLeavesAFinishedExperimentWithReasonsAndRetries()
      throws Exception {
    Files.writeString(dir.resolve("faulty.yaml"), String.join("\n",
        "experiment: {name: faulty, seed: 3}",
        "space: branin",
        "evaluators:",
        "  - plugin: faulty",
        "    fail-fraction: 0.33",
        "    hang-fraction: 0.1",
        "    hang-time: 1m",
        "optimizer: random",
        "objectives: [{minimize: value}]",
        "budget: {trials: 60}",
        "execution: {batch: 6, timeout: 400ms, retries: 2}",
        ""));
    Cli.Result r = Cli.run(dir, "run", "faulty.yaml", "--plugins-dir", plugins.toString(),
        "--out", "out");
    assertEquals(0, r.exit(), r.toString());
    List<JsonNode> trials = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("out/trials.jsonl"))) {
      trials.add(JSON.readTree(line));
    }
    assertEquals(60, trials.size());
    int failed = 0;
    int hung = 0;
    for (JsonNode t : trials) {
      double bucket = FaultyEvaluatorProvider.bucket(t.get("id").asText());
      if (bucket < 0.43) {
        failed++;
        assertEquals("FAILED", t.get("status").asText(), t.toString());
        assertEquals(3, t.get("attempts").asInt(), "two retries: " + t);
        String reason = t.get("failure").asText();
        if (bucket < 0.33) {
          assertEquals("IllegalStateException: evaluator 'faulty' fails trial "
              + t.get("id").asText() + " on purpose", reason);
        } else {
          hung++;
          assertEquals("timed out after 400 ms", reason);
        }
      } else {
        assertEquals("COMPLETED", t.get("status").asText(), t.toString());
        assertEquals(1, t.get("attempts").asInt());
      }
    }
    assertTrue(failed >= 10 && hung >= 1, failed + " failed, " + hung + " hung");
    long retries = Files.readAllLines(dir.resolve("out/events.jsonl")).stream()
        .filter(l -> l.contains("\"event\":\"attempt_failed\"")).count();
    assertEquals(2L * failed, retries);
    assertTrue(r.out().contains("60 trials, " + (60 - failed) + " completed, " + failed
        + " failed"), r.toString());
  }
}
