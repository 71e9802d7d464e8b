package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.testkit.fixtures.SlowEvaluatorProvider;
import dev.lathe.testkit.jar.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a run, then {@code lathe resume}: the trial log ends with
 * exactly the budgeted number of distinct trials, and no completed trial is evaluated again.
 */
class KillResumeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TRIALS = 120;

  @TempDir
  Path dir;

  @ParameterizedTest(name = "killed after {0} trials")
  @ValueSource(ints = {5, 47})
  void resumeAfterSigkillNeitherLosesNorRepeatsATrial(int killAfter) throws Exception {
    Path plugins = dir.resolve("plugins");
    PluginJar.withId("fixtures").provider(SlowEvaluatorProvider.class).writeTo(plugins);
    Files.writeString(dir.resolve("slow.yaml"), String.join("\n",
        "experiment: {name: slow, seed: 11}",
        "space: hartmann6",
        "evaluators: [{plugin: slow, delay: 15ms}]",
        "optimizer: random",
        "objectives: [{minimize: value}]",
        "budget: {trials: " + TRIALS + "}",
        "execution: {batch: 3}",
        ""));
    Path out = dir.resolve("out");
    Process run = Cli.command(dir, "run", "slow.yaml", "--plugins-dir", plugins.toString(),
        "--out", out.toString(), "--quiet").redirectErrorStream(true)
        .redirectOutput(dir.resolve("run.log").toFile()).start();
    Path trials = out.resolve("trials.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(trials) < killAfter) {
      assertTrue(run.isAlive(), "the run ended before it was killed");
      assertTrue(System.nanoTime() < deadline, "no progress");
      Thread.sleep(5);
    }
    run.destroyForcibly();
    assertTrue(run.waitFor(10, TimeUnit.SECONDS));
    assertEquals(137, run.exitValue(), "killed by SIGKILL");
    long before = lines(trials);
    assertTrue(before < TRIALS, "killed mid-run, with " + before + " trials stored");

    Cli.Result resumed = Cli.run(dir, "resume", out.toString(), "--plugins-dir",
        plugins.toString());
    assertEquals(0, resumed.exit(), resumed.toString());

    List<String> records = Files.readAllLines(trials);
    Set<String> ids = new HashSet<>();
    for (String line : records) {
      ids.add(JSON.readTree(line).get("id").asText());
    }
    assertEquals(TRIALS, records.size());
    assertEquals(TRIALS, ids.size());

    Map<String, Integer> finished = new HashMap<>();
    for (String line : Files.readAllLines(out.resolve("events.jsonl"))) {
      JsonNode e = JSON.readTree(line);
      String event = e.get("event").asText();
      if (event.equals("trial_finished")) {
        finished.merge(e.get("id").asText(), 1, Integer::sum);
      } else if (event.equals("trial_started")) {
        assertTrue(!finished.containsKey(e.get("id").asText()),
            "trial " + e.get("id") + " started again after it finished");
      }
    }
    finished.forEach((id, n) -> assertEquals(1, n, "trial " + id + " finished " + n + " times"));
    assertTrue(resumed.err().startsWith("Resuming 'slow': " + before + " trials stored"),
        resumed.toString());
  }

  private static long lines(Path file) throws java.io.IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    return Files.readString(file).chars().filter(c -> c == '\n').count();
  }
}
