package dev.lathe.testkit;

import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.SearchSpaceProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small problem written for the experiment test kit's tests: the integers 0 to 99 as a space
 * ({@code line}), the squared distance from a target as the metric {@code value}
 * ({@code square}, which counts its evaluations), and an optimizer that asks 0, 1, 2, … in
 * turn ({@code sweep}, which records what it is told).
 */
final class LinePlugins {

  /** The largest value of the space's one dimension {@code x}. */
  static final long MAX = 99;

  private LinePlugins() {}

  /** The {@code line} space: one integer dimension {@code x} from 0 to {@link #MAX}. */
  public static final class Line implements SearchSpaceProvider {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("line", "1.0.0", "Integers 0 to 99", "[0.1,1.0)");
    }

    @Override
    public SearchSpace create(PluginContext context) {
      List<Dimension> dimensions = List.of(IntegerDimension.of("x", 0, MAX));
      return new SearchSpace() {
        @Override
        public String id() {
          return "line";
        }

        @Override
        public List<Dimension> dimensions() {
          return dimensions;
        }
      };
    }
  }

  /** The {@code square} evaluator: {@code value = (x - target)²}; counts its evaluations. */
  public static final class Square implements EvaluatorProvider {
    private final AtomicInteger evaluations = new AtomicInteger();

    @Override
    public PluginInfo info() {
      return PluginInfo.of("square", "1.0.0", "Squared distance from a target", "[0.1,1.0)");
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(ParameterSpec.integer("target", 50, "the best x").range(0, MAX));
    }

    @Override
    public Evaluator create(PluginContext context) {
      long target = context.settings().getLong("target");
      return new Evaluator() {
        @Override
        public String id() {
          return "square";
        }

        @Override
        public Set<String> produces() {
          return Set.of("value");
        }

        @Override
        public Metrics evaluate(Candidate candidate, EvaluationContext trial) {
          evaluations.incrementAndGet();
          long d = candidate.getLong("x") - target;
          return Metrics.builder().add("value", d * d, "", Origin.ANALYTIC).build();
        }
      };
    }

    /** How many candidates every evaluator made by this provider has evaluated. */
    int evaluations() {
      return evaluations.get();
    }
  }

  /**
   * The {@code sweep} optimizer: asks {@code x = 0, 1, 2, …}, wrapping after {@link #MAX};
   * not checkpointable, so a resumed run replays it. Records every observation it is told.
   */
  public static final class Sweep implements OptimizerProvider {
    private final List<Observation> told = Collections.synchronizedList(new ArrayList<>());

    @Override
    public PluginInfo info() {
      return PluginInfo.of("sweep", "1.0.0", "Every x in turn", "[0.1,1.0)");
    }

    @Override
    public Optimizer create(PluginContext context, Problem problem) {
      return new Optimizer() {
        private long next;

        @Override
        public String id() {
          return "sweep";
        }

        @Override
        public List<Candidate> ask(int n) {
          List<Candidate> asked = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            asked.add(Candidate.of(Map.of("x", next++ % (MAX + 1))));
          }
          return asked;
        }

        @Override
        public void tell(Observation observation) {
          told.add(observation);
        }
      };
    }

    /** Every observation told to the optimizers made by this provider, in order. */
    List<Observation> told() {
      return List.copyOf(told);
    }
  }
}
