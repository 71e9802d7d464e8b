package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.Workload;
import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.spi.AcceleratorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Accelerator}: valid metric names in {@code produces()}; every produced
 * metric returned for a supported workload as a finite, non-negative cost; {@code supports()}
 * consistent with {@code estimate()} throwing {@link IllegalArgumentException}, also for a
 * workload of a kind no model knows; the same figures twice for the same workload, except
 * those marked {@link Origin#MEASURED}.
 *
 * <pre>{@code
 * class MyLatencyModelTest extends AcceleratorContract {
 *   @Override protected AcceleratorProvider provider() { return new MyLatencyModelProvider(); }
 *   @Override protected List<Workload> workloads() { return List.of(MyModels.smallMlp()); }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class AcceleratorContract extends PluginProviderContract<AcceleratorProvider> {

  private static final Pattern METRIC_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** For subclasses. */
  protected AcceleratorContract() {}

  /** Workloads the model supports; at least one. */
  protected abstract List<Workload> workloads();

  /**
   * Workloads the tests also offer to {@code supports()} and {@code estimate()} to check that
   * the two agree. Default: one of kind {@code lathe-tck-unknown}, which no model should support.
   */
  protected List<Workload> otherWorkloads() {
    return List.of(() -> "lathe-tck-unknown");
  }

  @Override
  protected final ExtensionPoint point() {
    return ExtensionPoint.ACCELERATOR;
  }

  @Override
  protected final String instanceId() {
    return newAccelerator().id();
  }

  /** A new accelerator from the provider with {@link #context()}. */
  protected final Accelerator newAccelerator() {
    Accelerator accelerator = provider().create(context());
    assertNotNull(accelerator, () -> plugin() + ": create() returned null");
    return accelerator;
  }

  /** Checks that produces() names at least one metric, each a valid metric name. */
  @Test
  public void producesValidMetricNames() {
    Set<String> produces = newAccelerator().produces();
    assertFalse(produces == null || produces.isEmpty(),
        () -> plugin() + ": produces() is empty; name the metrics estimate() returns");
    for (String name : produces) {
      assertTrue(name != null && METRIC_NAME.matcher(name).matches(), () -> plugin()
          + ": produces() names '" + name + "', not a metric name");
    }
  }

  /** Checks that the model supports each sample workload. */
  @Test
  public void supportsTheSampleWorkloads() {
    Accelerator accelerator = newAccelerator();
    for (Workload w : sampleWorkloads()) {
      assertTrue(accelerator.supports(w), () -> plugin() + ": supports() refuses a sample"
          + " workload of kind '" + w.kind() + "'; workloads() must return ones it costs");
    }
  }

  /** Checks that estimate() returns every produced metric as a finite, non-negative cost. */
  @Test
  public void estimateReturnsEveryProducedMetric() throws Exception {
    Accelerator accelerator = newAccelerator();
    for (Workload w : sampleWorkloads()) {
      Metrics m = estimate(accelerator, w);
      for (String name : accelerator.produces()) {
        Metric metric = m.get(name).orElseThrow(() -> new AssertionError(plugin()
            + ": estimate() of a '" + w.kind() + "' workload returned " + m.names()
            + " without '" + name + "', which produces() promises"));
        assertTrue(Double.isFinite(metric.value()) && metric.value() >= 0, () -> plugin()
            + ": estimate() of a '" + w.kind() + "' workload gave " + name + " = "
            + metric.value() + "; a cost is a finite number, at least 0");
      }
    }
  }

  /**
   * Checks that estimate() throws IllegalArgumentException exactly for the workloads that
   * supports() refuses.
   */
  @Test
  public void supportsIsConsistentWithEstimate() {
    Accelerator accelerator = newAccelerator();
    List<Workload> all = new ArrayList<>(sampleWorkloads());
    all.addAll(otherWorkloads());
    for (Workload w : all) {
      boolean supported = accelerator.supports(w);
      try {
        Metrics m = accelerator.estimate(w);
        assertTrue(supported, () -> plugin() + ": supports() refuses a '" + w.kind()
            + "' workload, yet estimate() returned " + m + " instead of throwing"
            + " IllegalArgumentException");
      } catch (IllegalArgumentException e) {
        assertFalse(supported, () -> plugin() + ": supports() accepts a '" + w.kind()
            + "' workload, yet estimate() threw " + e + "; override supports() to refuse it");
      } catch (Exception e) {
        fail(plugin() + ": estimate() of a '" + w.kind() + "' workload threw " + e
            + (supported ? "" : "; for a workload it does not support it must throw"
                + " IllegalArgumentException"), e);
      }
    }
  }

  /** Checks that estimating a workload twice gives the same figures, measured ones aside. */
  @Test
  public void nonMeasuredEstimatesAreRepeatable() throws Exception {
    Accelerator accelerator = newAccelerator();
    for (Workload w : sampleWorkloads()) {
      Metrics first = estimate(accelerator, w);
      Metrics second = estimate(newAccelerator(), w);
      for (Metric m : first.all()) {
        if (m.origin() != Origin.MEASURED) {
          assertEquals(m, second.get(m.name()).orElse(null), () -> plugin() + ": " + m.origin()
              + " figure " + m.name() + " of a '" + w.kind() + "' workload changed between two"
              + " estimates; only MEASURED figures may vary");
        }
      }
    }
  }

  private List<Workload> sampleWorkloads() {
    List<Workload> workloads = workloads();
    assertFalse(workloads == null || workloads.isEmpty(),
        () -> plugin() + ": workloads() is empty; give at least one workload the model supports");
    return workloads;
  }

  private Metrics estimate(Accelerator accelerator, Workload w) throws Exception {
    Metrics m = accelerator.estimate(w);
    assertNotNull(m, () -> plugin() + ": estimate() of a '" + w.kind() + "' workload returned null");
    return m;
  }
}
