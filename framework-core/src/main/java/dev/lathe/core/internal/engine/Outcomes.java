package dev.lathe.core.internal.engine;

import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.store.TrialRecord;
import java.util.ArrayList;
import java.util.List;

/** Reads results out of trial records: feasibility and the Pareto front. */
final class Outcomes {

  private Outcomes() {}

  /** Whether {@code r} completed with every objective's metric and satisfies the constraints. */
  static boolean usable(TrialRecord r, Problem problem) {
    if (!r.completed() || !problem.feasible(r.metrics())) {
      return false;
    }
    for (Objective o : problem.objectives()) {
      if (!r.metrics().has(o.metric()) || Double.isNaN(r.metrics().value(o.metric()))) {
        return false;
      }
    }
    return true;
  }

  /** The usable trials that no other usable trial dominates; empty for one objective. */
  static List<TrialRecord> paretoFront(List<TrialRecord> trials, Problem problem) {
    if (!problem.multiObjective()) {
      return List.of();
    }
    List<TrialRecord> usable = trials.stream().filter(r -> usable(r, problem)).toList();
    List<TrialRecord> front = new ArrayList<>();
    for (TrialRecord a : usable) {
      boolean dominated = false;
      for (TrialRecord b : usable) {
        if (b != a && dominates(b, a, problem)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(a);
      }
    }
    return front;
  }

  private static boolean dominates(TrialRecord a, TrialRecord b, Problem problem) {
    boolean strictly = false;
    for (Objective o : problem.objectives()) {
      double la = o.loss(a.metrics());
      double lb = o.loss(b.metrics());
      if (la > lb) {
        return false;
      }
      strictly |= la < lb;
    }
    return strictly;
  }
}
