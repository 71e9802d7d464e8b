package com.example.lathe.sphere;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.testkit.tck.EvaluatorContract;
import java.util.List;
import java.util.Map;

/** The sphere evaluator against the test kit's evaluator contract. */
class SphereEvaluatorContractTest extends EvaluatorContract {

  @Override
  protected EvaluatorProvider provider() {
    return new SphereEvaluatorProvider();
  }

  @Override
  protected List<Candidate> candidates() {
    return List.of(Candidate.of(Map.of("x1", 0.5, "x2", -1.0)),
        Candidate.of(Map.of("x1", 3L, "x2", 0.0)));
  }
}
