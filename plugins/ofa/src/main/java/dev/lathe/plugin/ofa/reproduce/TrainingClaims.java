package dev.lathe.plugin.ofa.reproduce;

import dev.lathe.api.metric.Origin;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.ClaimResult.Verdict;
import dev.lathe.plugin.ofa.supernet.SupernetStudy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The verdicts of the training claims, computed from a {@link SupernetStudy}'s measurements: a
 * difference of accuracies counts only beyond twice the standard error of one accuracy on the
 * test images, and a budget too small to decide gives {@link Verdict#PARTIAL}.
 */
final class TrainingClaims {

  /** The Kendall τ above which the predictor counts as ranking well. */
  static final double TAU = 0.6;
  /** The share of a from-scratch training that an extra scenario may cost. */
  static final double SCENARIO_SHARE = 0.1;

  private TrainingClaims() {}

  static ClaimResult shrinking(SupernetStudy.Result r) {
    double progressive = mean(r.small(), SupernetStudy.SmallSubnet::progressive);
    double allAtOnce = mean(r.small(), SupernetStudy.SmallSubnet::allAtOnce);
    long wins = r.small().stream().filter(s -> s.progressive() > s.allAtOnce()).count();
    double margin = r.margin((progressive + allAtOnce) / 2);
    StringBuilder rows = new StringBuilder();
    for (SupernetStudy.SmallSubnet s : r.small()) {
      rows.append(String.format(Locale.ROOT, "%s%s (%.2fM MACs) %.1f/%.1f", rows.isEmpty() ? ""
          : "; ", s.subnet(), s.macs() / 1e6, 100 * s.progressive(), 100 * s.allAtOnce()));
    }
    Verdict v = decide(r, progressive - allAtOnce, margin, wins > r.small().size() / 2);
    return new ClaimResult(OfaReproduction.SHRINKING, String.format(Locale.ROOT,
        "mean accuracy of %d small subnets %.1f %% (progressive) vs %.1f %% (all at once);"
        + " progressive higher on %d", r.small().size(), 100 * progressive, 100 * allAtOnce,
        wins), v, Origin.MEASURED, String.format(Locale.ROOT, "%s; %d steps of batch %d, %d"
        + " subnet(s) per step beside the largest, on %d training images (progressive %.0f s,"
        + " all at once %.0f s); accuracy on %d test images after recalibrating batch norm on"
        + " %d, noise margin ±%.1f points; progressive/all-at-once per subnet: %s",
        budgetNote(r), r.budget().steps(), r.budget().batch(), r.budget().subnetsPerStep(),
        r.trainImages(), r.progressiveSeconds(), r.allAtOnceSeconds(), r.testImages(),
        r.budget().calibrationImages(), 100 * margin, rows));
  }

  static ClaimResult recalibration(SupernetStudy.Result r) {
    double with = mean(r.small(), SupernetStudy.SmallSubnet::progressive);
    double without = mean(r.small(), SupernetStudy.SmallSubnet::withoutRecalibration);
    long wins = r.small().stream().filter(s -> s.progressive() > s.withoutRecalibration())
        .count();
    double margin = r.margin((with + without) / 2);
    StringBuilder rows = new StringBuilder();
    for (SupernetStudy.SmallSubnet s : r.small()) {
      rows.append(String.format(Locale.ROOT, "%s%s %.1f/%.1f", rows.isEmpty() ? "" : "; ",
          s.subnet(), 100 * s.progressive(), 100 * s.withoutRecalibration()));
    }
    Verdict v = decide(r, with - without, margin, wins > r.small().size() / 2);
    return new ClaimResult(OfaReproduction.RECALIBRATION, String.format(Locale.ROOT,
        "mean accuracy of %d small subnets %.1f %% recalibrated vs %.1f %% on the running"
        + " statistics", r.small().size(), 100 * with, 100 * without), v, Origin.MEASURED,
        String.format(Locale.ROOT, "%s; progressively shrunk supernet; recalibration on %d"
        + " training images, accuracy on %d test images, noise margin ±%.1f points;"
        + " recalibrated/running per subnet: %s", budgetNote(r), r.budget().calibrationImages(),
        r.testImages(), 100 * margin, rows));
  }

  static ClaimResult predictor(SupernetStudy.Result r) {
    Verdict v = !r.budget().decisive() ? Verdict.PARTIAL
        : r.tau() >= TAU ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED;
    return new ClaimResult(OfaReproduction.PREDICTOR, String.format(Locale.ROOT,
        "Kendall τ-b %.2f on %d held-out subnets", r.tau(), r.budget().heldOutSubnets()), v,
        Origin.MEASURED, String.format(Locale.ROOT, "%s; MLP %d→400×3→1 trained %d epochs on"
        + " the measured accuracies of %d random subnets (each %.1f s to recalibrate and"
        + " measure); threshold τ ≥ %.1f", budgetNote(r), r.small().get(0).subnet().oneHot()
        .length, r.budget().predictorEpochs(), r.predictorTrained(), r.measureSeconds(), TAU));
  }

  static ClaimResult search(SupernetStudy.Result r) {
    double[] evolved = r.searches().stream()
        .mapToDouble(SupernetStudy.SearchRun::evolutionMeasured).toArray();
    double[] random = r.searches().stream().mapToDouble(SupernetStudy.SearchRun::randomMeasured)
        .toArray();
    double[] evolvedPredicted = r.searches().stream().mapToDouble(s -> s.evolution().score())
        .toArray();
    double[] randomPredicted = r.searches().stream().mapToDouble(s -> s.random().score())
        .toArray();
    double e = median(evolved);
    double m = median(random);
    double margin = r.margin((e + m) / 2);
    Verdict v = decide(r, e - m, margin, true);
    return new ClaimResult(OfaReproduction.SEARCH, String.format(Locale.ROOT,
        "median measured accuracy over %d seeds %.1f %% (evolution) vs %.1f %% (random)",
        evolved.length, 100 * e, 100 * m), v, Origin.MEASURED, String.format(Locale.ROOT,
        "%s; cap %.2fM MACs, %d predictor queries each (evolution: population %d); median"
        + " predicted %.1f %% vs %.1f %%; measured per seed evolution %s, random %s; noise"
        + " margin ±%.1f points", budgetNote(r), r.searchCap() / 1e6,
        r.budget().searchEvaluations(), r.budget().population(), 100 * median(evolvedPredicted),
        100 * median(randomPredicted), percents(evolved), percents(random), 100 * margin));
  }

  static ClaimResult scenarios(SupernetStudy.Result r) {
    double perScenario = r.scenarios().stream().mapToDouble(s -> s.searchSeconds()
        + s.measureSeconds()).average().orElseThrow();
    double scratch = r.scratchSeconds();
    double share = perScenario / scratch;
    Verdict v = !r.budget().decisive() ? Verdict.PARTIAL
        : share <= SCENARIO_SHARE ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED;
    StringBuilder rows = new StringBuilder();
    for (SupernetStudy.Scenario s : r.scenarios()) {
      rows.append(String.format(Locale.ROOT, "%s≤ %.2fM MACs: %s, %.1f %% measured"
          + " (%.1f %% predicted), search %.1f s + measurement %.1f s", rows.isEmpty() ? ""
          : "; ", s.maxMacs() / 1e6, s.chosen().subnet(), 100 * s.measured(),
          100 * s.chosen().score(), s.searchSeconds(), s.measureSeconds()));
    }
    double once = r.progressiveSeconds() + r.measureSeconds() * (r.predictorTrained()
        + r.budget().heldOutSubnets());
    return new ClaimResult(OfaReproduction.SCENARIOS, String.format(Locale.ROOT,
        "%.1f s per extra scenario vs %.0f s to train one net from scratch (%.1f %%)",
        perScenario, scratch, 100 * share), v, Origin.MEASURED, String.format(Locale.ROOT,
        "%s; one-time cost: supernet %.0f s + measuring the predictor's subnets %.0f s; from"
        + " scratch = %d steps at %.2f s, the median step of the first phase (one net alone);"
        + " N scenarios cost %.0f + N × %.1f s instead of N × %.0f s; %s", budgetNote(r),
        r.progressiveSeconds(), once - r.progressiveSeconds(), r.budget().steps(),
        r.singleSubnetStepSeconds(), once, perScenario, scratch, rows));
  }

  private static Verdict decide(SupernetStudy.Result r, double difference, double margin,
      boolean majority) {
    if (!r.budget().decisive()) {
      return Verdict.PARTIAL;
    }
    if (difference > margin && majority) {
      return Verdict.REPRODUCED;
    }
    return difference < -margin ? Verdict.NOT_REPRODUCED : Verdict.PARTIAL;
  }

  private static String budgetNote(SupernetStudy.Result r) {
    return r.budget().decisive() ? "full budget" : "quick budget, too small to decide";
  }

  private static <T> double mean(List<T> rows, ToDoubleFunction<T> value) {
    return rows.stream().mapToDouble(value).average().orElseThrow();
  }

  private static double median(double[] values) {
    return SupernetStudy.median(Arrays.stream(values).boxed().toList());
  }

  private static String percents(double[] values) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      b.append(b.isEmpty() ? "" : "/").append(String.format(Locale.ROOT, "%.1f", 100 * v));
    }
    return b.toString();
  }
}
