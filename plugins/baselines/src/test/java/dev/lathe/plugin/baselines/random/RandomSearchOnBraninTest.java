package dev.lathe.plugin.baselines.random;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.plugin.baselines.Evaluations;
import dev.lathe.plugin.baselines.problems.Branin;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random search with 200 trials on Branin, for 10 seeds. Uniform sampling puts 1.16% of
 * Branin's domain below 1.0, so 200 draws reach below 1.0 with probability 0.903 per seed, and
 * at least 7 of 10 seeds do so with probability 0.988; below 0.6 (0.38% of the domain) the
 * per-seed probability is only 0.54, so "most seeds below 0.6" is not expected of random search.
 */
class RandomSearchOnBraninTest {

  private static final int TRIALS = 200;
  private static final int BATCH = 8;

  @Test
  void twoHundredTrialsComeCloseToTheMinimumForMostSeeds(@TempDir Path folder) throws Exception {
    RandomSearchProvider optimizers = new RandomSearchProvider();
    SearchSpaceProvider spaces = provider(SearchSpaceProvider.class);
    EvaluatorProvider evaluators = provider(EvaluatorProvider.class);
    double[] best = new double[10];
    for (int seed = 0; seed < best.length; seed++) {
      Problem problem = new Problem(
          spaces.create(TestPluginContext.builder(spaces, folder).seed(seed).build()),
          List.of(Objective.minimize("value")), List.of());
      Optimizer optimizer = optimizers.create(
          TestPluginContext.builder(optimizers, folder).seed(seed).build(), problem);
      Evaluator evaluator = evaluators.create(
          TestPluginContext.builder(evaluators, folder).seed(seed).build());
      best[seed] = Double.POSITIVE_INFINITY;
      long trial = 0;
      while (trial < TRIALS) {
        for (Candidate candidate : optimizer.ask(Math.min(BATCH, (int) (TRIALS - trial)))) {
          Metrics metrics = Evaluations.evaluate(evaluator, candidate);
          optimizer.tell(new Observation(trial++, candidate, metrics, null));
          best[seed] = Math.min(best[seed], metrics.value("value"));
        }
      }
    }
    long belowOne = Arrays.stream(best).filter(b -> b < 1.0).count();
    assertTrue(belowOne >= 7, "best per seed: " + Arrays.toString(best));
    assertTrue(Arrays.stream(best).allMatch(b -> b >= Branin.PUBLISHED_MINIMUM),
        Arrays.toString(best));
  }

  /** The provider with id {@code branin}, found by ServiceLoader as the kernel would. */
  private static <P extends PluginProvider> P provider(Class<P> type) {
    RandomSearchOnBraninTest.class.getModule().addUses(type);
    return ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.info().id().equals(Branin.ID)).findFirst().orElseThrow();
  }
}
