package dev.lathe.testkit.tck;

import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A (1+λ) evolution strategy: each batch mutates the best candidate told so far (samples the
 * space until one succeeded). It does not checkpoint; the kernel replays its asks and tells.
 */
public final class OnePlusOneEvolutionProvider implements OptimizerProvider {

  static final String ID = "tck-one-plus-lambda";

  /** The constructor ServiceLoader calls. */
  public OnePlusOneEvolutionProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "(1+lambda) evolution strategy", "[0.1,1.0)");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.real("mutation_rate", 0.3,
        "probability that a child redraws each dimension of its parent").range(0, 1));
  }

  @Override
  public Optimizer create(PluginContext context, Problem problem) {
    return new Evolution(problem.space(), problem.objectives().get(0),
        context.settings().getDouble("mutation_rate"), context.random());
  }

  /** The optimizer. */
  static final class Evolution implements Optimizer {
    private final SearchSpace space;
    private final Objective objective;
    private final double rate;
    private final RandomGenerator random;
    private Candidate parent;
    private double parentLoss = Double.POSITIVE_INFINITY;

    Evolution(SearchSpace space, Objective objective, double rate, RandomGenerator random) {
      this.space = space;
      this.objective = objective;
      this.rate = rate;
      this.random = random;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public List<Candidate> ask(int n) {
      List<Candidate> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        batch.add(parent == null ? space.sample(random) : space.mutate(parent, rate, random));
      }
      return batch;
    }

    @Override
    public void tell(Observation observation) {
      if (!observation.succeeded() || !observation.metrics().has(objective.metric())) {
        return;
      }
      double loss = objective.loss(observation.metrics());
      if (loss < parentLoss) {
        parentLoss = loss;
        parent = observation.candidate();
      }
    }
  }
}
