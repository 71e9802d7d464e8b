package dev.lathe.plugin.baselines.evolution;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.plugin.baselines.TestSpaces;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A constrained problem over {@link TestSpaces#mixed()} and a driver that fails some trials,
 * for the evolution tests: minimise {@code loss}, subject to {@code memory <= 40}.
 */
final class Runs {

  static final Problem MIXED = new Problem(TestSpaces.mixed(),
      List.of(Objective.minimize("loss")), List.of(Constraint.parse("memory <= 40")));

  private Runs() {}

  /** The metrics of a mixed candidate: a bowl in unit space, and depth times width as memory. */
  static Metrics metrics(Candidate c) {
    double[] u = MIXED.space().encode(c);
    double loss = 0;
    for (double x : u) {
      loss += (x - 0.3) * (x - 0.3);
    }
    return Metrics.builder().add("loss", loss, "", Origin.ANALYTIC)
        .add("memory", c.getLong("depth") * c.getLong("width"), "MB", Origin.ANALYTIC).build();
  }

  static Optimizer optimizer(OptimizerProvider provider, Map<String, String> settings, long seed,
      Path folder) {
    return provider.create(
        TestPluginContext.builder(provider, folder).settings(settings).seed(seed).build(), MIXED);
  }

  /**
   * Asks batches of {@code sizes} from {@code optimizer}, whose first trial is {@code first},
   * and tells each back, every seventh trial failed; returns the candidates asked.
   */
  static List<Candidate> drive(Optimizer optimizer, long first, int... sizes) {
    List<Candidate> asked = new ArrayList<>();
    long trial = first;
    for (int n : sizes) {
      for (Candidate c : optimizer.ask(n)) {
        optimizer.tell(trial % 7 == 6
            ? new Observation(trial, c, Metrics.empty(), "failed on purpose")
            : new Observation(trial, c, metrics(c), null));
        asked.add(c);
        trial++;
      }
    }
    return asked;
  }
}
