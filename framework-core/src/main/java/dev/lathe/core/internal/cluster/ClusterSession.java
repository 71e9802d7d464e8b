package dev.lathe.core.internal.cluster;

import java.util.Objects;

/**
 * What the kernel gives a cluster executor for one experiment run.
 *
 * @param recipe what workers need to rebuild the experiment's evaluator chain
 * @param local this JVM's runners, which already hold the run's chain (for a driver that runs
 *     trials itself, as in the embedded single-member mode)
 * @param events the run's event log ({@code events.jsonl})
 */
public record ClusterSession(TrialRecipe recipe, TrialRunners local, EventSink events) {

  /** Checks the parts. */
  public ClusterSession {
    Objects.requireNonNull(recipe, "recipe");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(events, "events");
  }

  /** Where a cluster executor writes what happened to its workers and trials. */
  @FunctionalInterface
  public interface EventSink {

    /**
     * Writes one event.
     *
     * @param event its name, e.g. {@code trial_resubmitted}
     * @param fields alternating names and values (strings, numbers, booleans)
     */
    void write(String event, Object... fields);
  }
}
