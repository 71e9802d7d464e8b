package dev.lathe.api.accelerate;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.Workload;
import dev.lathe.api.metric.Metrics;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A hardware or system cost model: takes a workload and returns latency, energy, memory or
 * traffic, each metric saying whether it was measured, simulated, predicted or analytic.
 * In an experiment, an accelerator costs the workload that the search space gives for each
 * candidate.
 */
@API(status = STABLE, since = "0.1")
public interface Accelerator {

  /** The id of the plugin that made this accelerator. */
  String id();

  /** The names of the metrics that {@link #estimate} returns. */
  Set<String> produces();

  /**
   * Estimates the cost of {@code workload}.
   *
   * @throws IllegalArgumentException if the workload is of a kind this model does not support
   */
  Metrics estimate(Workload workload) throws Exception;

  /** Whether this model can cost {@code workload}. Default: yes. */
  default boolean supports(Workload workload) {
    return true;
  }
}
