package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.plugin.baselines.Evaluations;
import dev.lathe.testkit.tck.EvaluatorContract;
import java.util.List;

class BraninEvaluatorContractTest extends EvaluatorContract {

  @Override
  protected EvaluatorProvider provider() {
    return new BraninEvaluatorProvider();
  }

  /** The three published minimisers and the domain's corners. */
  @Override
  protected List<Candidate> candidates() {
    return List.of(
        Evaluations.point(-Math.PI, 12.275),
        Evaluations.point(Math.PI, 2.275),
        Evaluations.point(9.42478, 2.475),
        Evaluations.point(-5, 0),
        Evaluations.point(10, 15));
  }
}
