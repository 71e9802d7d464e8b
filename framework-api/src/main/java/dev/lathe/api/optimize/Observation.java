package dev.lathe.api.optimize;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.Candidate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of one trial, told back to the optimizer that asked for it.
 *
 * @param trialNumber the position of the candidate in the optimizer's asks, from 0
 * @param candidate the candidate that was asked
 * @param metrics the metrics; empty when the trial failed
 * @param failure why the trial failed, or {@code null} when it succeeded
 */
@API(status = STABLE, since = "0.1")
public record Observation(long trialNumber, Candidate candidate, Metrics metrics, String failure) {

  /** Checks the parts. */
  public Observation {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(metrics, "metrics");
  }

  /** Whether the trial succeeded. */
  public boolean succeeded() {
    return failure == null;
  }
}
