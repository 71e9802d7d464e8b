package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one epoch did.
 *
 * @param epoch the epoch that ended, from 0
 * @param step the number of updates made so far
 * @param meanLoss the mean of the epoch's batch losses (batches weighted equally)
 * @param metrics what the evaluation measured after the epoch, by name; empty without one
 * @param elapsed the time the epoch took in this process (a resumed epoch counts its part only)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EpochReport(int epoch, long step, double meanLoss, Map<String, Double> metrics,
    Duration elapsed) {

  /** Copies the metrics. */
  public EpochReport {
    metrics = Map.copyOf(metrics);
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
