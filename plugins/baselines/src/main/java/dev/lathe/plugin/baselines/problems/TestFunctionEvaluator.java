package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.RealDimension;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The evaluator of a test function: reads the candidate's {@code x1 … xn}, checks that each is
 * present and inside the function's domain, and returns the objectives as unitless
 * {@link Origin#ANALYTIC} metrics. Dimensions the function does not use are ignored. Stateless,
 * so safe from several threads.
 */
final class TestFunctionEvaluator implements Evaluator {

  private final TestFunction function;
  private final Set<String> produces;

  TestFunctionEvaluator(TestFunction function) {
    this.function = function;
    this.produces = Collections.unmodifiableSet(new LinkedHashSet<>(function.objectives()));
  }

  @Override
  public String id() {
    return function.id();
  }

  @Override
  public Set<String> produces() {
    return produces;
  }

  /**
   * The objectives at the candidate.
   *
   * @throws IllegalArgumentException naming the dimension if one is missing, not a number, or
   *     outside the function's domain
   */
  @Override
  public Metrics evaluate(Candidate candidate, EvaluationContext context) {
    double[] values = function.values(point(candidate));
    List<String> names = function.objectives();
    Metrics.Builder metrics = Metrics.builder();
    for (int i = 0; i < values.length; i++) {
      metrics.add(names.get(i), values[i], "", Origin.ANALYTIC);
    }
    return metrics.build();
  }

  private double[] point(Candidate candidate) {
    List<RealDimension> domain = function.domain();
    double[] x = new double[domain.size()];
    for (int i = 0; i < x.length; i++) {
      RealDimension d = domain.get(i);
      Object value = candidate.values().get(d.name());
      if (value == null) {
        throw new IllegalArgumentException("evaluator '" + id() + "': candidate has no dimension '"
            + d.name() + "'; it has " + candidate.values().keySet());
      }
      if (!(value instanceof Number number)) {
        throw new IllegalArgumentException("evaluator '" + id() + "': dimension '" + d.name()
            + "' holds " + value + ", not a number");
      }
      x[i] = number.doubleValue();
      if (!(x[i] >= d.low() && x[i] <= d.high())) {
        throw new IllegalArgumentException("evaluator '" + id() + "': dimension '" + d.name()
            + "' = " + x[i] + " lies outside the domain [" + d.low() + ", " + d.high() + "]");
      }
    }
    return x;
  }
}
