package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.plugin.baselines.Evaluations;
import dev.lathe.testkit.tck.EvaluatorContract;
import java.util.List;

class Hartmann6EvaluatorContractTest extends EvaluatorContract {

  @Override
  protected EvaluatorProvider provider() {
    return new Hartmann6EvaluatorProvider();
  }

  /** The published minimiser, the cube's centre and two of its corners. */
  @Override
  protected List<Candidate> candidates() {
    return List.of(
        Evaluations.point(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573),
        Evaluations.point(0.5, 0.5, 0.5, 0.5, 0.5, 0.5),
        Evaluations.point(0, 0, 0, 0, 0, 0),
        Evaluations.point(1, 1, 1, 1, 1, 1));
  }
}
