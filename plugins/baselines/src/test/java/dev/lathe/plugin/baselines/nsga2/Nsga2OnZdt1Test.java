package dev.lathe.plugin.baselines.nsga2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Problem;
import dev.lathe.plugin.baselines.Searches;
import dev.lathe.plugin.baselines.problems.Zdt1EvaluatorProvider;
import dev.lathe.plugin.baselines.problems.Zdt1SpaceProvider;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NSGA-II on ZDT1 with 30 variables: the hypervolume of all evaluated points with respect to
 * (1, 1), computed by {@link dev.lathe.api.optimize.ParetoFront#hypervolume}, exceeds 0.65 (the
 * true front's is 2/3) within 10,000 evaluations for each of seeds 0, 1 and 2. Settings of
 * {@code examples/nsga2-zdt1.yaml}: population 24, asked a generation at a time, Deb's operator
 * settings otherwise (crossover probability 0.9, distribution indices 20, one mutated variable
 * per offspring on average).
 */
class Nsga2OnZdt1Test {

  static final Map<String, String> SETTINGS = Map.of("population", "24");
  private static final int EVALUATIONS = 10_000;

  @Test
  void hypervolumeExceedsSixtyFiveHundredthsForEverySeed(@TempDir Path folder) throws Exception {
    Problem problem = Searches.problem(new Zdt1SpaceProvider(), folder,
        List.of(Objective.minimize("f1"), Objective.minimize("f2")));
    Evaluator evaluator = Searches.evaluator(new Zdt1EvaluatorProvider(), folder);
    double[] hypervolume = new double[3];
    for (int seed = 0; seed < hypervolume.length; seed++) {
      hypervolume[seed] = Searches.hypervolume(Searches.run(new Nsga2Provider(), SETTINGS, seed,
          problem, evaluator, EVALUATIONS, 24, folder), "f1", "f2", new double[] {1, 1});
    }
    assertTrue(Arrays.stream(hypervolume).allMatch(h -> h > 0.65 && h <= 2.0 / 3),
        "hypervolume per seed " + Arrays.toString(hypervolume));
  }
}
