package dev.lathe.api.execute;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.space.Candidate;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One attempt at one trial, as handed to an executor. Everything in it is plain data, so that
 * a distributed executor can ship it to another machine.
 *
 * @param trialId the trial's stable id
 * @param number the trial's position in the optimizer's asks
 * @param attempt the attempt number, from 1
 * @param candidate what to evaluate
 * @param seed the trial's seed
 * @param timeout how long the attempt may take; {@link Duration#ZERO} for no limit
 */
@API(status = STABLE, since = "0.1")
public record TrialTask(
    String trialId, long number, int attempt, Candidate candidate, long seed, Duration timeout) {

  /** Checks the parts. */
  public TrialTask {
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(timeout, "timeout");
  }
}
