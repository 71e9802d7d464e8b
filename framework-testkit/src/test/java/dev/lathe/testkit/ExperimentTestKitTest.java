package dev.lathe.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.LatheApi;
import dev.lathe.api.Provenance;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.LatheException;
import dev.lathe.core.PluginRejection;
import dev.lathe.testkit.fixtures.FaultyEvaluatorProvider;
import dev.lathe.testkit.fixtures.NeedsNewerApiEvaluatorProvider;
import dev.lathe.testkit.fixtures.SlowEvaluatorProvider;
import dev.lathe.testkit.jar.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTestKitTest {

  private static final String REGISTERED = "registered in code (" + LinePlugins.class.getName();

  @TempDir
  Path folder;

  @Test
  void registeredProvidersRunAnExperimentThroughTheKernel() {
    LinePlugins.Square square = new LinePlugins.Square();
    LinePlugins.Sweep sweep = new LinePlugins.Sweep();
    try (ExperimentTestKit kit = ExperimentTestKit.with(new LinePlugins.Line(), square, sweep)) {
      assertEquals(List.of(), kit.rejections());
      assertEquals(REGISTERED + "$Square)", kit.lathe().describe("square").location());

      ExperimentResult result = kit.experiment().name("sweep-square").space("line")
          .evaluator("square", Map.of("target", 37)).optimizer("sweep").minimize("value")
          .trials(40).batch(4).run();

      assertEquals(Optional.empty(), result.folder(), "kept in memory");
      assertEquals(ExperimentResult.StopReason.TRIALS, result.stopReason());
      assertEquals(40, result.completed());
      assertEquals(LongStream.range(0, 40).boxed().toList(),
          result.trials().stream().map(TrialRecord::number).toList());
      for (TrialRecord r : result.trials()) {
        long x = r.candidate().getLong("x");
        assertEquals(r.number(), x, "the sweep asks x = trial number");
        assertEquals((x - 37.0) * (x - 37.0), r.metrics().value("value"), r.toString());
        assertEquals(1, r.attempts());
      }
      TrialRecord best = result.best().orElseThrow();
      assertEquals(37, best.number());
      assertEquals(0.0, best.metrics().value("value"));
      assertEquals(40, square.evaluations());
      assertEquals(LongStream.range(0, 40).boxed().toList(),
          sweep.told().stream().map(Observation::trialNumber).toList(),
          "the kernel tells every trial back, in trial order");

      Provenance.PluginUse evaluator = result.provenance().plugins().stream()
          .filter(p -> p.id().equals("square")).findFirst().orElseThrow();
      assertEquals("evaluators(0)", evaluator.role());
      assertEquals(REGISTERED + "$Square)", evaluator.source());
      assertEquals(Map.of("target", "37"), evaluator.settings());
    }
  }

  /**
   * The faulty fixture throws for a third of the trials and hangs for a tenth; with a 300 ms
   * timeout and two retries, exactly the trials that its buckets single out fail, each after
   * three attempts, with its reason, and the experiment still spends its whole budget.
   */
  @Test
  void faultyTrialsFailAfterTheirRetriesWithReasonsAndTheBudgetIsSpent() {
    double failFraction = 1.0 / 3;
    double hangFraction = 0.1;
    try (ExperimentTestKit kit = ExperimentTestKit.with(new LinePlugins.Line(),
        new LinePlugins.Sweep(), new FaultyEvaluatorProvider())) {
      ExperimentResult result = kit.experiment().name("faulty-run").seed(3).space("line")
          .evaluator(FaultyEvaluatorProvider.ID, Map.of("fail-fraction", failFraction,
              "hang-fraction", hangFraction, "hang-time", "10m"))
          .optimizer("sweep").minimize("value").trials(30).batch(6)
          .executor("local", Map.of("threads", 6))
          .timeout(Duration.ofMillis(300)).retries(2).run();

      assertEquals(30, result.trials().size());
      assertEquals(ExperimentResult.StopReason.TRIALS, result.stopReason());
      Set<String> throwing = new TreeSet<>();
      Set<String> hanging = new TreeSet<>();
      for (TrialRecord r : result.trials()) {
        double bucket = FaultyEvaluatorProvider.bucket(r.trialId());
        if (bucket < failFraction) {
          throwing.add(r.trialId());
        } else if (bucket < failFraction + hangFraction) {
          hanging.add(r.trialId());
        }
      }
      assertFalse(throwing.isEmpty(), "some trials throw");
      assertFalse(hanging.isEmpty(), "some trials hang");
      assertEquals(throwing.size() + hanging.size(), result.failed(),
          "the buckets predict the failures");

      for (TrialRecord r : result.trials()) {
        if (throwing.contains(r.trialId())) {
          assertEquals(TrialRecord.Status.FAILED, r.status(), r.toString());
          assertEquals("IllegalStateException: evaluator 'faulty' fails trial " + r.trialId()
              + " on purpose", r.failure());
          assertEquals(3, r.attempts(), r.toString());
        } else if (hanging.contains(r.trialId())) {
          assertEquals(TrialRecord.Status.FAILED, r.status(), r.toString());
          assertEquals("timed out after 300 ms", r.failure());
          assertEquals(3, r.attempts(), r.toString());
        } else {
          assertTrue(r.completed(), r.toString());
          assertEquals(1, r.attempts(), r.toString());
          assertEquals(r.candidate().getLong("x"), r.metrics().value("value"), r.toString());
        }
      }
    }
  }

  @Test
  void providerNeedingANewerApiIsRejectedAndCannotBeUsed() {
    try (ExperimentTestKit kit = ExperimentTestKit.with(new LinePlugins.Line(),
        new LinePlugins.Sweep(), new NeedsNewerApiEvaluatorProvider())) {
      PluginRejection rejection = new PluginRejection(NeedsNewerApiEvaluatorProvider.ID,
          "registered in code (" + NeedsNewerApiEvaluatorProvider.class.getName() + ")",
          "needs Lathe API [9.0.0,) but this kernel provides " + LatheApi.VERSION);
      assertEquals(List.of(rejection), kit.rejections());
      assertFalse(kit.lathe().plugins().stream()
          .anyMatch(p -> p.id().equals(NeedsNewerApiEvaluatorProvider.ID)));

      LatheException e = assertThrows(LatheException.class, () -> kit.experiment().space("line")
          .evaluator(NeedsNewerApiEvaluatorProvider.ID).optimizer("sweep").minimize("value")
          .trials(1).run());
      assertEquals(LatheException.Kind.CONFIGURATION, e.kind());
      assertTrue(e.getMessage().endsWith("unknown evaluator 'needs-newer-api'; plugin"
          + " 'needs-newer-api' from " + rejection.location() + " rejected: "
          + rejection.reason()), e.getMessage());
    }
  }

  @Test
  void pluginJarsInAPluginsDirectoryJoinTheRegisteredProviders() throws Exception {
    Path jar = PluginJar.withId("slow-plugin").provider(SlowEvaluatorProvider.class)
        .writeTo(folder.resolve("plugins"));
    try (ExperimentTestKit kit = ExperimentTestKit.withPluginsDirectory(folder.resolve("plugins"),
        new LinePlugins.Line(), new LinePlugins.Sweep())) {
      assertEquals(List.of(), kit.rejections());
      ExperimentResult result = kit.experiment().space("line")
          .evaluator(SlowEvaluatorProvider.ID, Map.of("delay", "1ms")).optimizer("sweep")
          .minimize("value").trials(5).run();
      assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), result.trials().stream()
          .map(r -> r.metrics().value("value")).toList());
      assertEquals(jar.toAbsolutePath().toString(), result.provenance().plugins().stream()
          .filter(p -> p.id().equals(SlowEvaluatorProvider.ID)).findFirst().orElseThrow()
          .source());
    }
  }

  @Test
  void resumeAddsTrialsWithoutEvaluatingTheStoredOnesAgain() throws Exception {
    Path file = Files.writeString(folder.resolve("sweep.yaml"), """
        experiment: {name: sweep, seed: 7}
        space: line
        evaluators: [{plugin: square, target: 12}]
        optimizer: sweep
        objectives: [{minimize: value}]
        budget: {trials: 10}
        execution: {batch: 3}
        """);
    Path out = folder.resolve("results");
    LinePlugins.Square square = new LinePlugins.Square();
    try (ExperimentTestKit kit = ExperimentTestKit.with(new LinePlugins.Line(), square,
        new LinePlugins.Sweep())) {
      ExperimentResult first = kit.run(file, out);
      assertEquals(Optional.of(out), first.folder());
      assertEquals(10, first.trials().size());
      assertEquals(10, square.evaluations());
      assertTrue(Files.isRegularFile(out.resolve("config.yaml")));
      assertTrue(Files.isRegularFile(out.resolve("provenance.json")));

      ExperimentResult resumed = kit.resume(out, "budget.trials=16");
      assertEquals(16, resumed.trials().size());
      assertEquals(16, square.evaluations(), "only the 6 new trials were evaluated");
      assertEquals(first.trials(), resumed.trials().subList(0, 10),
          "the stored trials come back unchanged");
      assertEquals(LongStream.range(0, 16).boxed().toList(),
          resumed.trials().stream().map(r -> r.candidate().getLong("x")).toList());
      assertEquals(12, resumed.best().orElseThrow().candidate().getLong("x"));

      ExperimentResult again = kit.run(file, out, "budget.trials=16");
      assertEquals(16, square.evaluations(), "running the same file again evaluates nothing");
      assertEquals(resumed.trials(), again.trials());
      assertEquals(16, resumed.trials().stream().map(TrialRecord::trialId)
          .collect(Collectors.toSet()).size());
    }
  }
}
