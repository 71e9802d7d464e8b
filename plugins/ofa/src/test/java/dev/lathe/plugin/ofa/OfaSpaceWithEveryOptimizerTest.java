package dev.lathe.plugin.ofa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.LatheException;
import dev.lathe.testkit.ExperimentTestKit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The space {@code ofa} searched by every optimizer of the baselines plugin through the real
 * kernel, costed by the accelerator {@code ofa}: the largest parameter count under a MACs cap.
 */
class OfaSpaceWithEveryOptimizerTest {

  private static final double CAP = 250e6;

  private static ExperimentResult search(ExperimentTestKit kit, String optimizer,
      Map<String, String> space, int trials) {
    return kit.experiment().seed(5).space("ofa", space)
        .accelerator("ofa", Map.of()).optimizer(optimizer).maximize("params")
        .constraint("macs <= " + (long) CAP).trials(trials).batch(4).run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "gp-ei", "evolution", "ofa-evolution", "nsga2"})
  void everyOptimizerSearchesTheCategoricalSpace(String optimizer) {
    try (ExperimentTestKit kit = ExperimentTestKit.with()) {
      assertEquals(List.of(), kit.rejections());
      ExperimentResult r = search(kit, optimizer, Map.of(), 24);
      check(optimizer, r, 24);
    }
  }

  @Test
  void cmaEsSearchesTheContinuousEncoding() {
    try (ExperimentTestKit kit = ExperimentTestKit.with()) {
      ExperimentResult r = search(kit, "cmaes", Map.of("encoding", "continuous"), 24);
      check("cmaes", r, 24);
    }
  }

  @Test
  void gridSearchesTheUniformSubnetsAndRefusesThePapersSpaceByItsSize() {
    try (ExperimentTestKit kit = ExperimentTestKit.with()) {
      ExperimentResult r = search(kit, "grid", Map.of("granularity", "uniform"), 24);
      check("grid", r, 24);
      LatheException e = assertThrows(LatheException.class,
          () -> search(kit, "grid", Map.of(), 24));
      assertTrue(e.getMessage().contains("optimizer 'grid': the grid of space 'ofa' has more"
          + " than 9223372036854775807 points"), e.getMessage());
    }
  }

  private static void check(String optimizer, ExperimentResult r, int trials) {
    assertEquals(trials, r.completed(), optimizer + ": " + r.trials());
    TrialRecord best = r.best().orElseThrow();
    double macs = best.metrics().value("macs");
    double params = best.metrics().value("params");
    assertTrue(macs <= CAP, optimizer + ": best " + best.candidate() + " has " + macs + " MACs");
    assertTrue(params >= 3_410_792 && params <= 10_701_632, optimizer + ": " + params);
    assertFalse(r.trials().stream().anyMatch(t -> !t.completed()), optimizer);
  }
}
