package dev.lathe.plugin.ofa.latency;

import dev.lathe.api.model.Network;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Predicts a network's latency from a {@link LatencyTable}: the call overhead once, plus each
 * layer group's measured latency less that overhead. A group whose signature the table lacks
 * is measured on this machine and added, when the predictor may measure; otherwise it is an
 * error naming the group.
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
    double overhead = table.callOverheadMillis();
    double total = overhead;
    for (LayerGroups.Group g : LayerGroups.of(network)) {
      total += Math.max(0, entry(network, g).medianMillis() - overhead);
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
      log.debug("measured group '{}': {} ms", g.name(), measured.medianMillis());
      return measured;
    }
  }
}
