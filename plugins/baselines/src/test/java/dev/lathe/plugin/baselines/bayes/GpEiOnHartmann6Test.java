package dev.lathe.plugin.baselines.bayes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.plugin.baselines.OptimizerRuns;
import dev.lathe.plugin.baselines.problems.Hartmann6;
import dev.lathe.plugin.baselines.random.RandomSearchProvider;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GP-EI against random search on Hartmann-6, 100 trials asked one at a time, seeds 0 to 4. The
 * issue's threshold: GP-EI's median best value below random search's. Measured: GP-EI's median
 * regret is below 1e-4 (one seed stops in the local minimum −3.2032, regret 0.12); random
 * search's is about 1.3.
 */
class GpEiOnHartmann6Test {

  @Test
  void beatsRandomSearchAtOneHundredTrials(@TempDir Path folder) throws Exception {
    double[] gp = new double[5];
    double[] random = new double[5];
    for (int seed = 0; seed < gp.length; seed++) {
      gp[seed] = OptimizerRuns.best(new GpEiProvider(), Map.of(), Hartmann6.ID, 100, 1, seed,
          folder) - Hartmann6.PUBLISHED_MINIMUM;
      random[seed] = OptimizerRuns.best(new RandomSearchProvider(), Map.of(), Hartmann6.ID, 100,
          1, seed, folder) - Hartmann6.PUBLISHED_MINIMUM;
    }
    String measured = "regret per seed: gp-ei " + Arrays.toString(gp) + ", random "
        + Arrays.toString(random);
    assertTrue(OptimizerRuns.median(gp) < OptimizerRuns.median(random), measured);
    assertTrue(OptimizerRuns.median(gp) < 1e-2, measured);
  }
}
