package dev.lathe.testkit.tck;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import java.util.List;
import java.util.Map;

class SphereEvaluatorContractTest extends EvaluatorContract {

  @Override
  protected EvaluatorProvider provider() {
    return new SphereEvaluatorProvider();
  }

  @Override
  protected List<Candidate> candidates() {
    return List.of(
        Candidate.of(Map.of("x", 0.0, "y", 0.0)),
        Candidate.of(Map.of("x", 1.5, "y", -2.0)),
        Candidate.of(Map.of("x", 3L, "y", 0.25, "activation", "relu")));
  }
}
