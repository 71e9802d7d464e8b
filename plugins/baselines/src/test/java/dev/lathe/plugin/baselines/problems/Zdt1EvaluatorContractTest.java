package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.plugin.baselines.Evaluations;
import dev.lathe.testkit.tck.EvaluatorContract;
import java.util.List;
import java.util.Map;

class Zdt1EvaluatorContractTest extends EvaluatorContract {

  @Override
  protected EvaluatorProvider provider() {
    return new Zdt1EvaluatorProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("dimensions", "3");
  }

  /** Points on the Pareto front, off it, and the cube's corners. */
  @Override
  protected List<Candidate> candidates() {
    return List.of(
        Evaluations.point(0, 0, 0),
        Evaluations.point(0.25, 0, 0),
        Evaluations.point(1, 0, 0),
        Evaluations.point(0.5, 0.3, 0.9),
        Evaluations.point(1, 1, 1));
  }
}
