package dev.lathe.plugin.ofa.latency;

import dev.lathe.api.model.Network;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Predicts a network's latency from a {@link LatencyTable}: the call overhead once, plus the
 * table's context factor times the sum of each layer group's fastest timed run less that
 * overhead. The fastest run, not the median, because it is the one least disturbed by other
 * processes (the advice of Python's {@code timeit}): on the shared 2-core development machine
 * medians moved by up to 30 % between back-to-back measurements of the same network. A group
 * whose signature the table lacks is measured on this machine and added, when the predictor may
 * measure; otherwise it is an error naming the group.
 *
 * <p>The context factor exists because a group timed alone runs faster than inside a whole
 * network: repeated on its own, its weights, activations and the allocator's buffers stay warm.
 * On the development machine (oneDNN, one thread) whole OFA subnets took 1.1 to 1.4 times the
 * sum of their groups. {@link #calibrate} measures the factor on networks measured end to end.
 */
final class LatencyPredictor {

  private static final Logger log = LoggerFactory.getLogger(LatencyPredictor.class);

  private final LatencyTable table;
  private final Optional<LatencyMeasurer> measurer;

  /**
   * A predictor.
   *
   * @param table the table to read and fill
   * @param measurer what measures missing groups, or empty to refuse them
   */
  LatencyPredictor(LatencyTable table, Optional<LatencyMeasurer> measurer) {
    this.table = table;
    this.measurer = measurer;
  }

  /** The table behind the predictions. */
  LatencyTable table() {
    return table;
  }

  /**
   * The predicted latency of {@code network} at batch 1, in milliseconds.
   *
   * @throws IllegalArgumentException if a group is missing from the table and may not be measured
   */
  double predictMillis(Network network) {
    return table.callOverheadMillis() + table.contextFactor() * groupsMillis(network);
  }

  /** Whether this predictor may measure, and so calibrate. */
  boolean measures() {
    return measurer.isPresent();
  }

  /**
   * Measures the context factor on {@code networks}, measuring their missing groups too, and
   * records it in the table: the median over the networks of their fastest measured run less
   * the call overhead, divided by the sum of their groups' fastest runs less the overhead.
   *
   * @return the factor
   * @throws IllegalStateException if this predictor may not measure
   */
  double calibrate(List<Network> networks) {
    LatencyMeasurer m = measurer.orElseThrow(() -> new IllegalStateException(
        "latency table: calibrating the context factor needs a measurer"));
    double[] ratios = new double[networks.size()];
    for (int i = 0; i < ratios.length; i++) {
      double groups = groupsMillis(networks.get(i));
      double measured = m.measure(networks.get(i)).minMillis() - table.callOverheadMillis();
      ratios[i] = measured / groups;
      log.debug("calibration network {}: {} ms measured, {} ms in its groups",
          networks.get(i).name(), measured, groups);
    }
    Arrays.sort(ratios);
    double factor = ratios[ratios.length / 2];
    table.calibrate(factor, ratios.length);
    return factor;
  }

  /** The sum over {@code network}'s groups of their latency less the call overhead. */
  private double groupsMillis(Network network) {
    double overhead = table.callOverheadMillis();
    double total = 0;
    for (LayerGroups.Group g : LayerGroups.of(network)) {
      total += Math.max(0, entry(network, g).minMillis() - overhead);
    }
    return total;
  }

  private LatencyTable.Entry entry(Network network, LayerGroups.Group g) {
    Optional<LatencyTable.Entry> known = table.get(g.signature());
    if (known.isPresent()) {
      return known.get();
    }
    if (measurer.isEmpty()) {
      throw new IllegalArgumentException("latency table has no entry for group '" + g.name()
          + "' of network '" + network.name() + "': " + g.signature());
    }
    synchronized (this) {
      Optional<LatencyTable.Entry> meanwhile = table.get(g.signature());
      if (meanwhile.isPresent()) {
        return meanwhile.get();
      }
      LatencyTable.Entry measured = measurer.get().measure(g.network());
      table.put(g.signature(), measured);
      log.debug("measured group '{}': {} ms", g.name(), measured.minMillis());
      return measured;
    }
  }
}
