package dev.lathe.plugin.baselines.evolution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Problem;
import dev.lathe.plugin.baselines.Searches;
import dev.lathe.plugin.baselines.problems.Hartmann6;
import dev.lathe.plugin.baselines.problems.Hartmann6EvaluatorProvider;
import dev.lathe.plugin.baselines.problems.Hartmann6SpaceProvider;
import dev.lathe.plugin.baselines.random.RandomSearchProvider;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regularised evolution against random search on Hartmann-6 (minimum −3.32237) at 300
 * evaluations in batches of 4, for seeds 0 to 4, with the settings of
 * {@code examples/evolution-hartmann6.yaml}: population 20, tournaments of 5, Gaussian steps of
 * 0.1 on the real dimensions.
 */
class RegularizedEvolutionOnHartmann6Test {

  static final Map<String, String> SETTINGS = Map.of("population", "20", "sample_size", "5",
      "real_mutation", "gaussian", "sigma", "0.1");
  private static final int TRIALS = 300;
  private static final int BATCH = 4;
  private static final int SEEDS = 5;

  @Test
  void beatsRandomSearchInTheMedianOverFiveSeeds(@TempDir Path folder) throws Exception {
    Problem problem = Searches.problem(new Hartmann6SpaceProvider(), folder,
        List.of(Objective.minimize("value")));
    Evaluator evaluator = Searches.evaluator(new Hartmann6EvaluatorProvider(), folder);
    double[] evolution = new double[SEEDS];
    double[] random = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      evolution[seed] = Searches.best(Searches.run(new RegularizedEvolutionProvider(), SETTINGS,
          seed, problem, evaluator, TRIALS, BATCH, folder), problem, "value");
      random[seed] = Searches.best(Searches.run(new RandomSearchProvider(), Map.of(), seed,
          problem, evaluator, TRIALS, BATCH, folder), problem, "value");
    }
    String measured = "evolution " + Arrays.toString(evolution) + ", random "
        + Arrays.toString(random);
    assertTrue(Searches.median(evolution) < Searches.median(random), measured);
    assertTrue(Arrays.stream(evolution).allMatch(v -> v >= Hartmann6.PUBLISHED_MINIMUM - 5e-6),
        measured);
  }
}
