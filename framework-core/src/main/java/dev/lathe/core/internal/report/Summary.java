package dev.lathe.core.internal.report;

import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.ParetoFront;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.internal.report.TrialAnalysis.Standing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The numbers of an experiment's report: trial counts, the best feasible trial (one objective)
 * or the Pareto front of the feasible trials (several objectives), statistics of every metric,
 * and the failure reasons.
 *
 * @param input what the report is made from
 * @param counts how many trials stand where
 * @param best the best feasible trial, present only for one objective with a feasible trial
 * @param front the front of the feasible trials, present only for several objectives
 * @param metrics statistics of each metric over the completed trials, in the order first seen
 * @param failures the failure reasons, most frequent first
 */
record Summary(
    ReportInput input,
    Counts counts,
    Optional<BestTrial> best,
    Optional<Front> front,
    List<MetricStatistics> metrics,
    List<FailureGroup> failures) {

  /** The share of an objective's range that the reference point lies beyond its worst value. */
  static final double REFERENCE_MARGIN = 0.1;

  /** How the reference point of the hypervolume is chosen, as stated in the report. */
  static final String REFERENCE_RULE = "per objective, the worst value among the feasible trials"
      + " plus 10% of their range (10% of the absolute worst value, or 1, when the range is 0)";

  /**
   * How many trials stand where.
   *
   * @param total all trials
   * @param completed trials that completed, whether feasible or not
   * @param failed trials that failed after their last attempt
   * @param infeasible completed trials that violate a constraint
   * @param unscored completed trials that lack a finite value for some objective
   * @param feasible completed trials that count for "best" and the front
   */
  record Counts(long total, long completed, long failed, long infeasible, long unscored,
      long feasible) {}

  /**
   * The best feasible trial of a single-objective experiment.
   *
   * @param trial the earliest trial with the best objective value
   * @param value its objective value
   * @param bestSoFarFinal the final value of the best-so-far curve
   * @param improvements how many times the best-so-far curve improved
   */
  record BestTrial(TrialRecord trial, double value, double bestSoFarFinal, int improvements) {}

  /**
   * The Pareto front of the feasible trials of a multi-objective experiment.
   *
   * @param points the front's trials, ordered by their loss vectors
   * @param reference the hypervolume's reference point, in the objectives' own values;
   *     empty when there is no feasible trial
   * @param hypervolume the exact hypervolume w.r.t. {@code reference}, present for two
   *     objectives with a feasible trial
   */
  record Front(List<FrontPoint> points, List<Double> reference, OptionalDouble hypervolume) {}

  /**
   * One trial on the Pareto front.
   *
   * @param number the trial number
   * @param trialId the trial id
   * @param values the objectives' values, in the order of the objectives
   */
  record FrontPoint(long number, String trialId, List<Double> values) {}

  /**
   * Statistics of one metric over the completed trials, NaN values left out.
   *
   * @param name the metric's name
   * @param unit its unit as first seen, empty for a pure number
   * @param origins how its values were obtained, in the order first seen
   * @param count how many values the statistics cover
   * @param min the smallest value, NaN when {@code count} is 0
   * @param median the median (the mean of the middle two for an even count)
   * @param max the largest value
   */
  record MetricStatistics(String name, String unit, List<Origin> origins, int count,
      double min, double median, double max) {}

  /**
   * Failed trials that share a reason.
   *
   * @param reason the first non-blank line of the failure reason, trimmed
   * @param count how many failed trials gave it
   * @param firstTrial the number of the first trial that gave it
   */
  record FailureGroup(String reason, long count, long firstTrial) {}

  /** The summary of {@code analysis}. */
  static Summary of(TrialAnalysis analysis) {
    ReportInput input = analysis.input();
    Optional<BestTrial> best = input.multiObjective() ? Optional.empty() : best(analysis);
    Optional<Front> front =
        input.multiObjective() ? Optional.of(front(analysis)) : Optional.empty();
    return new Summary(input, counts(analysis), best, front, metricStatistics(analysis),
        failures(analysis));
  }

  /**
   * The reference point in loss space: per objective, the worst loss plus
   * {@link #REFERENCE_MARGIN} of the range; see {@link #REFERENCE_RULE}.
   *
   * @param losses at least one loss vector
   */
  static double[] referenceLoss(double[][] losses) {
    double[] reference = new double[losses[0].length];
    for (int k = 0; k < reference.length; k++) {
      double worst = Double.NEGATIVE_INFINITY;
      double bestValue = Double.POSITIVE_INFINITY;
      for (double[] loss : losses) {
        worst = Math.max(worst, loss[k]);
        bestValue = Math.min(bestValue, loss[k]);
      }
      double range = worst - bestValue;
      double margin = range > 0 ? REFERENCE_MARGIN * range
          : worst != 0 ? REFERENCE_MARGIN * Math.abs(worst) : 1;
      reference[k] = worst + margin;
    }
    return reference;
  }

  private static Counts counts(TrialAnalysis analysis) {
    long failed = analysis.count(Standing.FAILED);
    long total = analysis.trials().size();
    return new Counts(total, total - failed, failed, analysis.count(Standing.INFEASIBLE),
        analysis.count(Standing.UNSCORED), analysis.count(Standing.FEASIBLE));
  }

  private static Optional<BestTrial> best(TrialAnalysis analysis) {
    int[] improvements = analysis.improvements(0);
    if (improvements.length == 0) {
      return Optional.empty();
    }
    Objective objective = analysis.input().objectives().get(0);
    int last = improvements[improvements.length - 1];
    double finalLoss = analysis.loss(last)[0];
    double bestSoFarFinal =
        objective.direction() == Objective.Direction.MINIMIZE ? finalLoss : -finalLoss;
    TrialRecord trial = analysis.trials().get(last);
    return Optional.of(new BestTrial(trial, trial.metrics().value(objective.metric()),
        bestSoFarFinal, improvements.length));
  }

  private static Front front(TrialAnalysis analysis) {
    List<Objective> objectives = analysis.input().objectives();
    int[] feasible = analysis.feasible();
    if (feasible.length == 0) {
      return new Front(List.of(), List.of(), OptionalDouble.empty());
    }
    double[][] feasibleLosses = Arrays.stream(feasible).mapToObj(analysis::loss)
        .toArray(double[][]::new);
    double[] referenceLoss = referenceLoss(feasibleLosses);
    int[] front = analysis.front();
    double[][] frontLosses = Arrays.stream(front).mapToObj(analysis::loss)
        .toArray(double[][]::new);
    OptionalDouble hypervolume = objectives.size() == 2
        ? OptionalDouble.of(ParetoFront.hypervolume(frontLosses, referenceLoss))
        : OptionalDouble.empty();
    List<FrontPoint> points = Arrays.stream(front).boxed()
        .sorted(Comparator.comparing(analysis::loss, Arrays::compare))
        .map(i -> {
          TrialRecord t = analysis.trials().get(i);
          List<Double> values = objectives.stream()
              .map(o -> t.metrics().value(o.metric())).toList();
          return new FrontPoint(t.number(), t.trialId(), values);
        })
        .toList();
    List<Double> reference = new ArrayList<>();
    for (int k = 0; k < objectives.size(); k++) {
      boolean minimize = objectives.get(k).direction() == Objective.Direction.MINIMIZE;
      reference.add(minimize ? referenceLoss[k] : -referenceLoss[k]);
    }
    return new Front(points, List.copyOf(reference), hypervolume);
  }

  private static List<MetricStatistics> metricStatistics(TrialAnalysis analysis) {
    List<MetricStatistics> result = new ArrayList<>();
    List<TrialRecord> trials = analysis.trials();
    for (String name : analysis.metricNames()) {
      double[] values = new double[trials.size()];
      int count = 0;
      Set<Origin> origins = EnumSet.noneOf(Origin.class);
      List<Origin> originOrder = new ArrayList<>();
      for (TrialRecord trial : trials) {
        Optional<Metric> metric = trial.completed() ? trial.metrics().get(name) : Optional.empty();
        if (metric.isPresent() && !Double.isNaN(metric.get().value())) {
          values[count++] = metric.get().value();
          if (origins.add(metric.get().origin())) {
            originOrder.add(metric.get().origin());
          }
        }
      }
      Arrays.sort(values, 0, count);
      double median = count == 0 ? Double.NaN
          : count % 2 == 1 ? values[count / 2]
          : (values[count / 2 - 1] + values[count / 2]) / 2;
      result.add(new MetricStatistics(name, analysis.unit(name), List.copyOf(originOrder), count,
          count == 0 ? Double.NaN : values[0], median,
          count == 0 ? Double.NaN : values[count - 1]));
    }
    return result;
  }

  private static List<FailureGroup> failures(TrialAnalysis analysis) {
    Map<String, long[]> countAndFirst = new LinkedHashMap<>();
    for (TrialRecord trial : analysis.trials()) {
      if (!trial.completed()) {
        long[] entry = countAndFirst.computeIfAbsent(reasonOf(trial.failure()),
            r -> new long[] {0, trial.number()});
        entry[0]++;
      }
    }
    return countAndFirst.entrySet().stream()
        .map(e -> new FailureGroup(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .sorted(Comparator.comparingLong(FailureGroup::count).reversed()
            .thenComparingLong(FailureGroup::firstTrial))
        .toList();
  }

  private static String reasonOf(String failure) {
    return failure.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
        .orElse("(no reason given)");
  }
}
