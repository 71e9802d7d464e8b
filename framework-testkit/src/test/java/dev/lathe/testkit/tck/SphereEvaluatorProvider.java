package dev.lathe.testkit.tck;

import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;
import java.util.Set;

/** The sphere function: the squared distance of a candidate's numeric values from a centre. */
public final class SphereEvaluatorProvider implements EvaluatorProvider {

  static final String ID = "tck-sphere";

  /** The constructor ServiceLoader calls. */
  public SphereEvaluatorProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Sphere test function", "[0.1,1.0)");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.real("center", 0, "the coordinate of the minimum on every axis"));
  }

  @Override
  public Evaluator create(PluginContext context) {
    return new Sphere(ID, context.settings().getDouble("center"));
  }

  /** The evaluator; stateless, so safe from several threads. */
  static class Sphere implements Evaluator {
    private final String id;
    private final double center;

    Sphere(String id, double center) {
      this.id = id;
      this.center = center;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Set<String> produces() {
      return Set.of("sphere");
    }

    @Override
    public Metrics evaluate(Candidate candidate, EvaluationContext context) {
      return Metrics.builder().add("sphere", value(candidate), "", Origin.ANALYTIC).build();
    }

    double value(Candidate candidate) {
      double sum = 0;
      for (Object v : candidate.values().values()) {
        if (v instanceof Number n) {
          double d = n.doubleValue() - center;
          sum += d * d;
        }
      }
      return sum;
    }
  }
}
