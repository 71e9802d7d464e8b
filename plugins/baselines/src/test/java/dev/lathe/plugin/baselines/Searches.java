package dev.lathe.plugin.baselines;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.ParetoFront;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs optimizers on the test problems in tests, outside any kernel, as the engine would. */
public final class Searches {

  private Searches() {}

  /** A test problem's space, built by its provider with default settings and {@code seed}. */
  public static Problem problem(SearchSpaceProvider space, Path folder, List<Objective> objectives)
      throws Exception {
    return new Problem(space.create(TestPluginContext.builder(space, folder).build()),
        objectives, List.of());
  }

  /** An evaluator built by its provider with default settings. */
  public static Evaluator evaluator(EvaluatorProvider provider, Path folder) {
    return provider.create(TestPluginContext.builder(provider, folder).build());
  }

  /**
   * The observations of {@code trials} trials of an optimizer from {@code provider}, with
   * {@code settings} and {@code seed}, on {@code problem}: asks of {@code batch} candidates,
   * each evaluated by {@code evaluator} and told back in order.
   */
  public static List<Observation> run(OptimizerProvider provider, Map<String, String> settings,
      long seed, Problem problem, Evaluator evaluator, int trials, int batch, Path folder)
      throws Exception {
    Optimizer optimizer = provider.create(
        TestPluginContext.builder(provider, folder).settings(settings).seed(seed).build(),
        problem);
    List<Observation> observations = new ArrayList<>();
    while (observations.size() < trials) {
      int n = Math.min(batch, trials - observations.size());
      for (Candidate candidate : optimizer.ask(n)) {
        Metrics metrics = Evaluations.evaluate(evaluator, candidate);
        Observation o = new Observation(observations.size(), candidate, metrics, null);
        optimizer.tell(o);
        observations.add(o);
      }
    }
    return observations;
  }

  /** The least value of {@code metric} among feasible observations of {@code problem}. */
  public static double best(List<Observation> observations, Problem problem, String metric) {
    return observations.stream().filter(o -> problem.feasible(o.metrics()))
        .mapToDouble(o -> o.metrics().value(metric)).min().orElse(Double.POSITIVE_INFINITY);
  }

  /**
   * The hypervolume of the minimised metrics {@code f1} and {@code f2} of all observations with
   * respect to {@code reference}, computed by {@link ParetoFront#hypervolume}.
   */
  public static double hypervolume(List<Observation> observations, String f1, String f2,
      double[] reference) {
    double[][] points = observations.stream()
        .map(o -> new double[] {o.metrics().value(f1), o.metrics().value(f2)})
        .toArray(double[][]::new);
    return ParetoFront.hypervolume(points, reference);
  }

  /** The median of {@code values}; the mean of the middle two for an even count. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
