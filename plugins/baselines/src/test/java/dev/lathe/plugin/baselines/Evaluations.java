package dev.lathe.plugin.baselines;

import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.Candidate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Helpers that evaluate candidates in tests, outside any kernel. */
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

  /** {@code evaluator}'s metrics for {@code candidate}, as the first attempt of a trial. */
  public static Metrics evaluate(Evaluator evaluator, Candidate candidate) throws Exception {
    return evaluator.evaluate(candidate, new FirstAttempt(candidate.hash()));
  }

  private record FirstAttempt(String trialId) implements EvaluationContext {

    @Override
    public int attempt() {
      return 1;
    }

    @Override
    public long seed() {
      return trialId.hashCode();
    }

    @Override
    public RandomGenerator random() {
      return new SplittableRandom(seed());
    }

    @Override
    public Metrics upstream() {
      return Metrics.empty();
    }

    @Override
    public boolean cancelled() {
      return false;
    }
  }
}
