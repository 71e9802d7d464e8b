package com.example.lathe.sphere;

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

/**
 * Provides the sphere evaluator: the plugin's descriptor, its parameters, and a factory that
 * reads the validated settings.
 */
public final class SphereEvaluatorProvider implements EvaluatorProvider {

  @Override
  public PluginInfo info() {
    // id, your version, a title, the Lathe API range you work with
    return PluginInfo.of("sphere", "1.0.0", "Sphere function over a candidate's numbers",
        "[0.1,1.0)");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.real("scale", 1.0, "factor applied to the value").range(0, 1e6),
        ParameterSpec.string("norm", "l2", "l2: sum of squares; l1: sum of absolute values")
            .choices("l1", "l2"));
  }

  @Override
  public Evaluator create(PluginContext context) {
    double scale = context.settings().getDouble("scale");   // validated, default filled in
    boolean l1 = context.settings().getString("norm").equals("l1");
    return new SphereEvaluator(scale, l1);
  }

  /**
   * The sphere function: {@code value = scale * sum(x^2)} over a candidate's numeric values, or
   * {@code scale * sum(|x|)} with the l1 norm. O(d) for d dimensions; stateless, so it is safe
   * from several threads and idempotent.
   */
  static final class SphereEvaluator implements Evaluator {

    private final double scale;
    private final boolean l1;

    SphereEvaluator(double scale, boolean l1) {
      this.scale = scale;
      this.l1 = l1;
    }

    @Override
    public String id() {
      return "sphere";
    }

    @Override
    public Set<String> produces() {
      return Set.of("value");
    }

    @Override
    public Metrics evaluate(Candidate candidate, EvaluationContext context) {
      double sum = 0;
      for (Object v : candidate.values().values()) {
        if (!(v instanceof Number number)) {
          throw new IllegalArgumentException("sphere: candidate " + candidate
              + " has a value that is not a number: " + v);
        }
        double x = number.doubleValue();
        sum += l1 ? Math.abs(x) : x * x;
      }
      return Metrics.builder().add("value", scale * sum, "", Origin.ANALYTIC).build();
    }
  }
}
