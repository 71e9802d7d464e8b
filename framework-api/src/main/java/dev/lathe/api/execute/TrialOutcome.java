package dev.lathe.api.execute;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.metric.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one attempt at a trial produced.
 *
 * @param task the attempt
 * @param metrics the metrics, empty if it failed
 * @param failure why it failed (exception, timeout, out of memory), or {@code null}
 * @param started when it started
 * @param duration how long it ran
 * @param worker where it ran
 */
@API(status = STABLE, since = "0.1")
public record TrialOutcome(
    TrialTask task, Metrics metrics, String failure, Instant started, Duration duration,
    String worker) {

  /** Checks the parts. */
  public TrialOutcome {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(worker, "worker");
  }

  /** Whether the attempt succeeded. */
  public boolean succeeded() {
    return failure == null;
  }
}
