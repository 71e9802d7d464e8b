package dev.lathe.plugin.baselines;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.Candidate;
import dev.lathe.testkit.tck.TestEvaluationContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers that evaluate the test problems' candidates in tests, outside any kernel. */
public final class Evaluations {

  private Evaluations() {}

  /** A candidate with values {@code x1, x2, …} in order. */
  public static Candidate point(double... x) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      values.put("x" + (i + 1), x[i]);
    }
    return Candidate.of(values);
  }

  /**
   * {@code evaluator}'s metrics for {@code candidate}, as the first attempt of a trial named
   * after the candidate's hash.
   */
  public static Metrics evaluate(Evaluator evaluator, Candidate candidate) throws Exception {
    return evaluator.evaluate(candidate,
        TestEvaluationContext.of(candidate.hash(), candidate.hash().hashCode()));
  }
}
