package dev.lathe.core;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.store.TrialRecord;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/** Follows an experiment's progress; called from the engine's thread. All methods default to nothing. */
@API(status = STABLE, since = "0.1")
public interface ExperimentListener {

  /**
   * The experiment starts, or resumes with {@code stored} trials final from earlier runs, which
   * are reused rather than evaluated again.
   */
  default void started(String name, long budgetTrials, long stored) {}

  /**
   * A trial became final.
   *
   * @param record its record
   * @param reused whether it was taken from an earlier run instead of being evaluated
   * @param finished how many trials are final now
   * @param best the best value so far of the first objective, if any trial is feasible
   */
  default void trialFinished(TrialRecord record, boolean reused, long finished, OptionalDouble best) {}

  /** A failed attempt will be retried. */
  default void retrying(String trialId, int attempt, String failure) {}

  /** The experiment stopped. */
  default void finished(ExperimentResult result) {}
}
