package dev.lathe.testkit.tck;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.testkit.tck.MixedSpaceProvider.MixedSpace;
import java.util.List;

/** Runs the evolution strategy on the constrained mixed space instead of the default problem. */
class OnePlusOneEvolutionContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new OnePlusOneEvolutionProvider();
  }

  @Override
  protected Problem problem() {
    return new Problem(new MixedSpace(24), List.of(Objective.minimize("sphere")), List.of());
  }

  @Override
  protected Metrics evaluate(Problem problem, Candidate candidate) {
    return new SphereEvaluatorProvider.Sphere("sphere", 16)
        .evaluate(candidate, TestEvaluationContext.of("unused", 0));
  }
}
