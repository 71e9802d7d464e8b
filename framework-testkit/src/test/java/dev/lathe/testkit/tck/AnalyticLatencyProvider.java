package dev.lathe.testkit.tck;

import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.Workload;
import dev.lathe.api.compress.Model;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;
import java.util.Set;

/**
 * A roofline-free analytic cost model of a model's inference: two operations per parameter at a
 * fixed throughput, and the model's stored bits as memory.
 */
public final class AnalyticLatencyProvider implements AcceleratorProvider {

  static final String ID = "tck-analytic-latency";

  /** The constructor ServiceLoader calls. */
  public AnalyticLatencyProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Analytic latency and memory of a model", "[0.1,1.0)");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.real("gflops", 100, "sustained throughput in GFLOP/s")
        .range(0.001, 1e6));
  }

  @Override
  public Accelerator create(PluginContext context) {
    return new AnalyticLatency(context.settings().getDouble("gflops"));
  }

  /** The cost model; {@link #supports} is open so the TCK's tests can break it. */
  static class AnalyticLatency implements Accelerator {
    private final double gflops;

    AnalyticLatency(double gflops) {
      this.gflops = gflops;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public Set<String> produces() {
      return Set.of("latency_ms", "memory_bytes");
    }

    @Override
    public boolean supports(Workload workload) {
      return workload instanceof Model;
    }

    @Override
    public Metrics estimate(Workload workload) {
      if (!(workload instanceof Model model)) {
        throw new IllegalArgumentException("accelerator '" + ID + "' costs models, not '"
            + workload.kind() + "' workloads");
      }
      double seconds = 2.0 * model.parameterCount() / (gflops * 1e9);
      return Metrics.builder()
          .add("latency_ms", seconds * 1e3, "ms", Origin.ANALYTIC)
          .add("memory_bytes", model.sizeBits() / 8.0, "bytes", Origin.ANALYTIC)
          .build();
    }
  }
}
