package dev.lathe.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.Provenance;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentListener;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.config.Budget;
import dev.lathe.core.internal.config.Execution;
import dev.lathe.core.internal.config.ExperimentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentEngineTest {

  private static final Provenance PROVENANCE = new Provenance("t", "0.1.0", List.of(), Map.of(),
      Map.of(), Map.of());

  private static ExperimentResult run(ExperimentConfig config, Path folder) {
    return new ExperimentEngine(config, folder, PROVENANCE, new ExperimentListener() {}, () -> {})
        .run();
  }

  @Test
  void runsTheBudgetAndFindsTheBest() {
    ExperimentResult r = run(TestPlugins.config("sphere", 60, Map.of(), false,
        new Execution(4, Duration.ZERO, 0)), null);
    assertEquals(60, r.trials().size());
    assertEquals(ExperimentResult.StopReason.TRIALS, r.stopReason());
    for (int i = 0; i < 60; i++) {
      assertEquals(i, r.trials().get(i).number());
    }
    double min = r.trials().stream().mapToDouble(t -> t.metrics().value("value")).min().orElseThrow();
    assertEquals(min, r.best().orElseThrow().metrics().value("value"));
    assertTrue(min < 0.1, "60 random points of the 2-D sphere reach below 0.1, got " + min);
  }

  @Test
  void sameSeedGivesSameTrialsInSameOrder() {
    ExperimentConfig c = TestPlugins.config("det", 30, Map.of(), false,
        new Execution(3, Duration.ZERO, 0));
    List<String> first = run(c, null).trials().stream().map(TrialRecord::trialId).toList();
    List<String> second = run(c, null).trials().stream().map(TrialRecord::trialId).toList();
    assertEquals(first, second);
    assertEquals(30, Set.copyOf(first).size());
  }

  @Test
  void failuresAreRecordedWithReasonsAndRetried() {
    ExperimentResult r = run(TestPlugins.config("faulty", 60, Map.of("fail", "3"), false,
        new Execution(6, Duration.ZERO, 2)), null);
    assertEquals(60, r.trials().size());
    List<TrialRecord> failed = r.trials().stream().filter(t -> !t.completed()).toList();
    assertTrue(failed.size() >= 8 && failed.size() <= 35, "about a third fail: " + failed.size());
    for (TrialRecord t : failed) {
      assertEquals(3, t.attempts(), "two retries after the first attempt");
      assertEquals("IllegalStateException: injected failure", t.failure());
      assertEquals(0, t.metrics().size());
    }
    assertTrue(r.best().isPresent());
  }

  @Test
  void aRetryThatSucceedsCompletesTheTrial() {
    ExperimentResult r = run(TestPlugins.config("retry", 10, Map.of("fail-first-attempt", "true"),
        false, new Execution(2, Duration.ZERO, 1)), null);
    assertEquals(10, r.completed());
    r.trials().forEach(t -> assertEquals(2, t.attempts()));
  }

  @Test
  void hangingTrialsTimeOutAndTheExperimentGoesOn() {
    ExperimentResult r = run(TestPlugins.config("hang", 24, Map.of("hang", "4"), false,
        new Execution(4, Duration.ofMillis(300), 0)), null);
    assertEquals(24, r.trials().size());
    List<TrialRecord> timedOut = r.trials().stream().filter(t -> !t.completed()).toList();
    assertTrue(timedOut.size() >= 1, "some trials hang");
    timedOut.forEach(t -> assertEquals("timed out after 300 ms", t.failure()));
  }

  @Test
  void resumeReusesEveryStoredTrialAndEvaluatesOnlyTheRest(@TempDir Path dir) throws IOException {
    run(TestPlugins.config("resume", 25, Map.of(), true, new Execution(5, Duration.ZERO, 0)), dir);
    int before = TestPlugins.EVALUATIONS.get();
    ExperimentResult r = run(TestPlugins.config("resume", 40, Map.of(), true,
        new Execution(5, Duration.ZERO, 0)), dir);
    assertEquals(15, TestPlugins.EVALUATIONS.get() - before, "only the 15 new trials run");
    assertEquals(40, r.trials().size());
    assertEquals(40, r.trials().stream().map(TrialRecord::trialId).collect(Collectors.toSet()).size());
    assertEquals(40, Files.readAllLines(dir.resolve("trials.jsonl")).size());
  }

  @Test
  void resumeWithoutCheckpointReplaysStoredTrials(@TempDir Path dir) throws IOException {
    run(TestPlugins.config("replay", 20, Map.of(), true, new Execution(4, Duration.ZERO, 0)), dir);
    Files.delete(dir.resolve(Checkpoint.FILE_NAME));
    int before = TestPlugins.EVALUATIONS.get();
    ExperimentResult r = run(TestPlugins.config("replay", 20, Map.of(), true,
        new Execution(4, Duration.ZERO, 0)), dir);
    assertEquals(0, TestPlugins.EVALUATIONS.get() - before);
    assertEquals(20, r.trials().size());
    long reused = Files.readAllLines(dir.resolve(EventLog.FILE_NAME)).stream()
        .filter(l -> l.contains("\"trial_reused\"")).count();
    assertEquals(20, reused);
  }

  @Test
  void stopsWhenTheTargetIsReached() {
    ExperimentConfig c = TestPlugins.config("target", 10_000, Map.of(), false,
        new Execution(1, Duration.ZERO, 0));
    ExperimentConfig withTarget = new ExperimentConfig(c.name(), c.seed(), c.source(), c.space(),
        c.compressors(), c.evaluators(), c.accelerators(), c.optimizer(), c.executor(), c.store(),
        c.objectives(), c.constraints(), new Budget(10_000, Duration.ZERO, OptionalDouble.of(0.01)),
        c.execution());
    ExperimentResult r = run(withTarget, null);
    assertEquals(ExperimentResult.StopReason.TARGET, r.stopReason());
    double best = r.best().orElseThrow().metrics().value("value");
    assertTrue(best <= 0.01, "best " + best);
    TrialRecord last = r.trials().get(r.trials().size() - 1);
    assertEquals(r.best().orElseThrow(), last, "stops right after the trial that reached it");
    assertTrue(r.trials().stream().limit(r.trials().size() - 1)
        .allMatch(t -> t.metrics().value("value") > 0.01));
  }

  @Test
  void stopsWhenTheTimeIsSpent() {
    ExperimentConfig c = TestPlugins.config("time", Long.MAX_VALUE, Map.of("hang", "2"), false,
        new Execution(2, Duration.ofMillis(50), 0));
    ExperimentConfig timed = new ExperimentConfig(c.name(), c.seed(), c.source(), c.space(),
        c.compressors(), c.evaluators(), c.accelerators(), c.optimizer(), c.executor(), c.store(),
        c.objectives(), c.constraints(), new Budget(Long.MAX_VALUE, Duration.ofMillis(600),
            OptionalDouble.empty()), c.execution());
    long t0 = System.nanoTime();
    ExperimentResult r = run(timed, null);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(ExperimentResult.StopReason.TIME, r.stopReason());
    assertTrue(r.elapsed().toMillis() >= 600, "ran " + r.elapsed());
    assertTrue(seconds < 5, "stopped soon after 0.6 s, took " + seconds);
  }

  @Test
  void compressorsTransformTheSpacesModelsAndTheirDeclaredMetricsCanBeObjectives() {
    ExperimentConfig c = TestPlugins.config("chain", 6, Map.of(), false,
        new Execution(2, Duration.ZERO, 0));
    ExperimentConfig chained = new ExperimentConfig(c.name(), c.seed(), c.source(),
        TestPlugins.component("space", new TestPlugins.ModelSpaceProvider(), Map.of()),
        List.of(TestPlugins.component("compressors(0)",
            new TestPlugins.HalvingCompressorProvider(), Map.of())),
        c.evaluators(), c.accelerators(), c.optimizer(), c.executor(), c.store(),
        List.of(dev.lathe.api.optimize.Objective.minimize("halve_params_after")),
        c.constraints(), c.budget(), c.execution());
    ExperimentResult r = run(chained, null);
    assertEquals(6, r.trials().size());
    for (TrialRecord t : r.trials()) {
      double a = t.candidate().getDouble("a");
      double b = t.candidate().getDouble("b");
      assertEquals(Math.round(1000 * (a * a + b * b)) / 2,
          t.metrics().value("halve_params_after"), t.toString());
      assertEquals(a * a + b * b, t.metrics().value("value"), 1e-12);
    }
  }

  @Test
  void objectiveOnAMetricNobodyProducesIsRefusedBeforeRunning() {
    ExperimentConfig c = TestPlugins.config("bad", 5, Map.of(), false,
        new Execution(1, Duration.ZERO, 0));
    ExperimentConfig wrong = new ExperimentConfig(c.name(), c.seed(), c.source(), c.space(),
        c.compressors(), c.evaluators(), c.accelerators(), c.optimizer(), c.executor(), c.store(),
        List.of(dev.lathe.api.optimize.Objective.maximize("accuracy")), c.constraints(),
        c.budget(), c.execution());
    LatheException e = assertThrows(LatheException.class, () -> run(wrong, null));
    assertEquals(LatheException.Kind.CONFIGURATION, e.kind());
    assertEquals("experiment 'bad': objectives: metric 'accuracy' is produced by no compressor,"
        + " evaluator or accelerator; they produce [value]", e.getMessage());
  }
}
