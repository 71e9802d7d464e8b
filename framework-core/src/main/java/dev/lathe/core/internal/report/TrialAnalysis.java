package dev.lathe.core.internal.report;

import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.ParetoFront;
import dev.lathe.api.store.TrialRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An experiment's trials in trial-number order, each classified by its {@link Standing}, with
 * the loss vectors of the feasible ones and the units of every metric seen.
 */
final class TrialAnalysis {

  /** Where a trial stands for the report's "best" and front. */
  enum Standing {
    /** Completed, satisfies every constraint, and has a finite value for every objective. */
    FEASIBLE,
    /** Completed but violates a constraint (a missing constrained metric violates it). */
    INFEASIBLE,
    /** Completed and feasible but lacks a finite value for some objective. */
    UNSCORED,
    /** Failed after its last attempt. */
    FAILED
  }

  private final ReportInput input;
  private final List<TrialRecord> trials;
  private final Standing[] standings;
  private final double[][] losses;
  private final Map<String, Metric> firstSeen;

  private TrialAnalysis(ReportInput input) {
    this.input = input;
    this.trials = input.records().stream()
        .sorted(Comparator.comparingLong(TrialRecord::number).thenComparing(TrialRecord::trialId))
        .toList();
    this.standings = new Standing[trials.size()];
    this.losses = new double[trials.size()][];
    this.firstSeen = new LinkedHashMap<>();
    for (int i = 0; i < trials.size(); i++) {
      TrialRecord trial = trials.get(i);
      for (Metric m : trial.metrics().all()) {
        firstSeen.putIfAbsent(m.name(), m);
      }
      standings[i] = standing(trial);
      if (standings[i] == Standing.FEASIBLE) {
        losses[i] = lossVector(trial.metrics());
      }
    }
  }

  /** Analyses {@code input}'s records. */
  static TrialAnalysis of(ReportInput input) {
    return new TrialAnalysis(input);
  }

  /** The input analysed. */
  ReportInput input() {
    return input;
  }

  /** The trials, ordered by trial number, then trial id. */
  List<TrialRecord> trials() {
    return trials;
  }

  /** The standing of trial {@code i} (an index into {@link #trials()}). */
  Standing standing(int i) {
    return standings[i];
  }

  /** The loss vector of feasible trial {@code i}, lower is better in each objective. */
  double[] loss(int i) {
    if (losses[i] == null) {
      throw new IllegalStateException("trial " + trials.get(i).number() + " is not feasible");
    }
    return losses[i];
  }

  /** How many trials have {@code standing}. */
  long count(Standing standing) {
    long n = 0;
    for (Standing s : standings) {
      if (s == standing) {
        n++;
      }
    }
    return n;
  }

  /** The indices of the feasible trials, ascending. */
  int[] feasible() {
    int[] result = new int[(int) count(Standing.FEASIBLE)];
    int size = 0;
    for (int i = 0; i < standings.length; i++) {
      if (standings[i] == Standing.FEASIBLE) {
        result[size++] = i;
      }
    }
    return result;
  }

  /** The indices of the feasible trials that no feasible trial dominates, ascending. */
  int[] front() {
    int[] feasible = feasible();
    double[][] points = new double[feasible.length][];
    for (int k = 0; k < feasible.length; k++) {
      points[k] = losses[feasible[k]];
    }
    int[] nonDominated = ParetoFront.nonDominated(points);
    for (int k = 0; k < nonDominated.length; k++) {
      nonDominated[k] = feasible[nonDominated[k]];
    }
    return nonDominated;
  }

  /**
   * The indices of the feasible trials at which the best-so-far loss of objective
   * {@code objective} strictly improved, ascending; the last is the earliest best trial.
   */
  int[] improvements(int objective) {
    List<Integer> result = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < standings.length; i++) {
      if (standings[i] == Standing.FEASIBLE && losses[i][objective] < best) {
        best = losses[i][objective];
        result.add(i);
      }
    }
    return result.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The names of all metrics in the records, in the order first seen. */
  List<String> metricNames() {
    return List.copyOf(firstSeen.keySet());
  }

  /** The unit of metric {@code name} as first seen, empty when unknown or a pure number. */
  String unit(String name) {
    Metric m = firstSeen.get(name);
    return m == null ? "" : m.unit();
  }

  /** The value of {@code objective} in trial {@code i} if it has a finite one. */
  Optional<Double> objectiveValue(int i, Objective objective) {
    return trials.get(i).metrics().get(objective.metric())
        .map(Metric::value).filter(Double::isFinite);
  }

  private Standing standing(TrialRecord trial) {
    if (!trial.completed()) {
      return Standing.FAILED;
    }
    for (Constraint c : input.constraints()) {
      if (!c.satisfiedBy(trial.metrics())) {
        return Standing.INFEASIBLE;
      }
    }
    for (Objective o : input.objectives()) {
      if (!trial.metrics().has(o.metric()) || !Double.isFinite(trial.metrics().value(o.metric()))) {
        return Standing.UNSCORED;
      }
    }
    return Standing.FEASIBLE;
  }

  private double[] lossVector(Metrics metrics) {
    List<Objective> objectives = input.objectives();
    double[] loss = new double[objectives.size()];
    for (int k = 0; k < loss.length; k++) {
      loss[k] = objectives.get(k).loss(metrics);
    }
    return loss;
  }
}
