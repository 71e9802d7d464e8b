package dev.lathe.plugin.ofa.latency;

import dev.lathe.api.Workload;
import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.CostReport;
import dev.lathe.plugin.ofa.Ofa;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The accelerator {@code ofa}: a network's MACs and parameters under {@code conv-linear}
 * ({@link Origin#ANALYTIC}) and, with a latency table, its latency in milliseconds predicted from
 * the table ({@link Origin#PREDICTED}). A table without a context factor that may measure is
 * calibrated on the first network estimated.
 */
final class OfaAccelerator implements Accelerator {

  /** The MACs metric. */
  static final String MACS = "macs";
  /** The parameters metric. */
  static final String PARAMS = "params";
  /** The latency metric. */
  static final String LATENCY = "latency_ms";

  private final Optional<LatencyPredictor> latency;
  private final Optional<Path> tableFile;

  /**
   * An accelerator.
   *
   * @param latency the latency model, or empty for MACs and parameters only
   * @param tableFile where the table is saved whenever it gains entries, or empty
   */
  OfaAccelerator(Optional<LatencyPredictor> latency, Optional<Path> tableFile) {
    this.latency = latency;
    this.tableFile = tableFile;
  }

  @Override
  public String id() {
    return Ofa.ID;
  }

  @Override
  public Set<String> produces() {
    Set<String> names = new LinkedHashSet<>(Set.of(MACS, PARAMS));
    latency.ifPresent(l -> names.add(LATENCY));
    return names;
  }

  @Override
  public boolean supports(Workload workload) {
    return workload instanceof Network;
  }

  @Override
  public Metrics estimate(Workload workload) throws IOException {
    if (!(workload instanceof Network network)) {
      throw new IllegalArgumentException("accelerator '" + Ofa.ID + "' costs networks, not '"
          + workload.kind() + "' workloads");
    }
    CostReport cost = CostConventions.convLinear().count(network);
    Metrics.Builder m = Metrics.builder()
        .add(MACS, cost.macs(), "MACs", Origin.ANALYTIC)
        .add(PARAMS, cost.params(), "parameters", Origin.ANALYTIC);
    if (latency.isPresent()) {
      LatencyPredictor predictor = latency.get();
      int known = predictor.table().size();
      boolean calibrating;
      synchronized (predictor) {
        calibrating = predictor.table().contextNetworks() == 0 && predictor.measures();
        if (calibrating) {
          predictor.calibrate(List.of(network));
        }
      }
      m.add(LATENCY, predictor.predictMillis(network), "ms", Origin.PREDICTED);
      if (tableFile.isPresent() && (calibrating || predictor.table().size() > known)) {
        predictor.table().save(tableFile.get());
      }
    }
    return m.build();
  }
}
