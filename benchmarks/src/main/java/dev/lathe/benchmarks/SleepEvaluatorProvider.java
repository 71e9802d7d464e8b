package dev.lathe.benchmarks;

import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.Set;

/**
 * The evaluator {@code sleep}: sleeps {@code ms} milliseconds and reports how long it slept as
 * {@code slept_ms}; a trial of known cost for measuring executors' dispatch overhead.
 */
public final class SleepEvaluatorProvider implements EvaluatorProvider {

  /** The provider, as ServiceLoader creates it. */
  public SleepEvaluatorProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of("sleep", "0.1.0", "Sleeps a fixed time per trial", "[0.1,)");
  }

  @Override
  public java.util.List<ParameterSpec> parameters() {
    return java.util.List.of(ParameterSpec.integer("ms", 20, "how long each trial sleeps")
        .range(0, 3_600_000));
  }

  @Override
  public Evaluator create(PluginContext context) {
    long ms = context.settings().getLong("ms");
    return new Evaluator() {
      @Override
      public String id() {
        return "sleep";
      }

      @Override
      public Set<String> produces() {
        return Set.of("slept_ms");
      }

      @Override
      public Metrics evaluate(Candidate candidate, EvaluationContext ctx)
          throws InterruptedException {
        long t0 = System.nanoTime();
        Thread.sleep(ms);
        return Metrics.builder().add("slept_ms", (System.nanoTime() - t0) / 1e6, "ms",
            Origin.MEASURED).build();
      }
    };
  }
}
