package dev.lathe.core.internal.engine;

import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.ParetoFront;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.store.TrialRecord;
import java.util.Arrays;
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
    double[][] losses = new double[usable.size()][];
    for (int i = 0; i < losses.length; i++) {
      TrialRecord r = usable.get(i);
      losses[i] = problem.objectives().stream().mapToDouble(o -> o.loss(r.metrics())).toArray();
    }
    return Arrays.stream(ParetoFront.nonDominated(losses)).mapToObj(usable::get).toList();
  }
}
