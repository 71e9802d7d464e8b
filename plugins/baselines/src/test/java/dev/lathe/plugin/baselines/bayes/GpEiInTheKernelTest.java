package dev.lathe.plugin.baselines.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentResult;
import dev.lathe.testkit.ExperimentTestKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gp-ei} composed with the built-in Branin problem through the real kernel. */
class GpEiInTheKernelTest {

  private static List<Object> candidates(ExperimentResult r) {
    return r.trials().stream().map(TrialRecord::candidate).map(c -> (Object) c).toList();
  }

  @Test
  void resumingFromTheCheckpointAsksWhatAnUninterruptedRunAsks(@TempDir Path folder) {
    try (ExperimentTestKit kit = ExperimentTestKit.with()) {
      ExperimentResult whole = kit.experiment().name("gp").seed(5).space("branin")
          .evaluator("branin").optimizer("gp-ei", Map.of("acquisition_samples", 300))
          .minimize("value").trials(24).batch(3).output(folder.resolve("whole")).run();
      kit.experiment().name("gp").seed(5).space("branin").evaluator("branin")
          .optimizer("gp-ei", Map.of("acquisition_samples", 300)).minimize("value").trials(15)
          .batch(3).output(folder.resolve("parts")).run();
      ExperimentResult resumed = kit.resume(folder.resolve("parts"), "budget.trials=24");
      assertEquals(24, resumed.trials().size());
      assertEquals(candidates(whole), candidates(resumed));
      double best = whole.best().orElseThrow().metrics().value("value");
      assertTrue(best < 0.45, "best of 24 trials " + best);
    }
  }
}
