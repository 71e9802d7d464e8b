package dev.lathe.plugin.baselines;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs an optimizer on one of the plugin's single-objective test problems outside any kernel, as
 * the engine does (ask a batch, evaluate, tell in trial order), and reports the best value.
 */
public final class OptimizerRuns {

  private OptimizerRuns() {}

  /**
   * The lowest {@code value} that {@code optimizer} finds on problem {@code problemId} in
   * {@code trials} trials asked in batches of {@code batch}.
   *
   * @param settings the optimizer's settings on top of its defaults
   */
  public static double best(OptimizerProvider optimizer, Map<String, String> settings,
      String problemId, int trials, int batch, long seed, Path folder) throws Exception {
    SearchSpaceProvider spaces = provider(SearchSpaceProvider.class, problemId);
    EvaluatorProvider evaluators = provider(EvaluatorProvider.class, problemId);
    Problem problem = new Problem(
        spaces.create(TestPluginContext.builder(spaces, folder).seed(seed).build()),
        List.of(Objective.minimize("value")), List.of());
    TestPluginContext.Builder context = TestPluginContext.builder(optimizer, folder).seed(seed);
    settings.forEach(context::set);
    Optimizer o = optimizer.create(context.build(), problem);
    Evaluator evaluator = evaluators.create(
        TestPluginContext.builder(evaluators, folder).seed(seed).build());
    double best = Double.POSITIVE_INFINITY;
    long trial = 0;
    while (trial < trials) {
      for (Candidate candidate : o.ask(Math.min(batch, (int) (trials - trial)))) {
        Metrics metrics = Evaluations.evaluate(evaluator, candidate);
        o.tell(new Observation(trial++, candidate, metrics, null));
        best = Math.min(best, metrics.value("value"));
      }
    }
    return best;
  }

  /** The median of {@code values}. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The provider of {@code type} with id {@code id}, found by ServiceLoader as the kernel would. */
  public static <P extends PluginProvider> P provider(Class<P> type, String id) {
    OptimizerRuns.class.getModule().addUses(type);
    return ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.info().id().equals(id)).findFirst().orElseThrow();
  }
}
