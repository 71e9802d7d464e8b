package dev.lathe.api.store;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.Candidate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The final record of one trial: what was evaluated, what came out, and how.
 *
 * @param trialId stable id derived from the experiment, the candidate's hash and the repeat index
 * @param number the trial's position in the optimizer's asks, from 0
 * @param attempts how many attempts were made, at least 1
 * @param candidate the evaluated candidate
 * @param status whether the trial completed or failed after its last attempt
 * @param metrics the metrics, empty for a failed trial
 * @param failure why the last attempt failed, or {@code null} for a completed trial
 * @param started when the last attempt started
 * @param duration how long the last attempt took
 * @param worker where it ran, e.g. {@code local-3} or a cluster member's address
 */
@API(status = STABLE, since = "0.1")
public record TrialRecord(
    String trialId,
    long number,
    int attempts,
    Candidate candidate,
    Status status,
    Metrics metrics,
    String failure,
    Instant started,
    Duration duration,
    String worker) {

  /** A trial's final state. */
  public enum Status {
    COMPLETED, FAILED
  }

  /** Checks the parts. */
  public TrialRecord {
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(worker, "worker");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    if ((status == Status.FAILED) != (failure != null)) {
      throw new IllegalArgumentException("a failed trial has a failure reason, a completed one none");
    }
  }

  /** Whether the trial completed. */
  public boolean completed() {
    return status == Status.COMPLETED;
  }
}
