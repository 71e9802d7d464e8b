package dev.lathe.core;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.Provenance;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.store.TrialRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What an experiment produced: every trial record, the best trial or the Pareto front, why it
 * stopped, and its provenance.
 *
 * @param name the experiment's name
 * @param folder the results folder, or empty for an experiment kept in memory
 * @param objectives the objectives, in order
 * @param trials every final trial record, by trial number
 * @param best the best feasible completed trial under the first objective, if any
 * @param paretoFront the feasible completed trials that no other dominates, for several objectives
 * @param stopReason why the experiment stopped
 * @param elapsed wall time over all runs of the experiment
 * @param provenance how it was run
 */
@API(status = STABLE, since = "0.1")
public record ExperimentResult(
    String name,
    Optional<Path> folder,
    List<Objective> objectives,
    List<TrialRecord> trials,
    Optional<TrialRecord> best,
    List<TrialRecord> paretoFront,
    StopReason stopReason,
    Duration elapsed,
    Provenance provenance) {

  /** Why an experiment stopped. */
  public enum StopReason {
    /** The trial budget was spent. */
    TRIALS,
    /** The wall-time budget ran out. */
    TIME,
    /** The first objective reached its target. */
    TARGET
  }

  /** Checks and copies the parts. */
  public ExperimentResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(folder, "folder");
    objectives = List.copyOf(objectives);
    trials = List.copyOf(trials);
    Objects.requireNonNull(best, "best");
    paretoFront = List.copyOf(paretoFront);
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(provenance, "provenance");
  }

  /** How many trials completed. */
  public long completed() {
    return trials.stream().filter(TrialRecord::completed).count();
  }

  /** How many trials failed after their last retry. */
  public long failed() {
    return trials.size() - completed();
  }
}
