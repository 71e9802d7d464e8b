package dev.lathe.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Objective;
import dev.lathe.core.internal.report.Summary.BestTrial;
import dev.lathe.core.internal.report.Summary.Counts;
import dev.lathe.core.internal.report.Summary.FailureGroup;
import dev.lathe.core.internal.report.Summary.Front;
import dev.lathe.core.internal.report.Summary.FrontPoint;
import dev.lathe.core.internal.report.Summary.MetricStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void singleObjectiveCountsAndBest() {
    Summary summary = Summary.of(TrialAnalysis.of(Trials.singleObjective()));
    assertEquals(new Counts(10, 7, 3, 2, 1, 4), summary.counts());
    assertTrue(summary.front().isEmpty());
    BestTrial best = summary.best().orElseThrow();
    assertEquals(4, best.trial().number());
    assertEquals("t4", best.trial().trialId());
    assertEquals(0.4, best.value());
    assertEquals(0.4, best.bestSoFarFinal());
    assertEquals(3, best.improvements());
  }

  @Test
  void metricStatisticsOverCompletedTrialsWithoutNaN() {
    Summary summary = Summary.of(TrialAnalysis.of(Trials.singleObjective()));
    assertEquals(List.of(
        new MetricStatistics("loss", "", List.of(Origin.PREDICTED, Origin.MEASURED), 6,
            0.4, 0.55, 0.9),
        new MetricStatistics("latency_ms", "ms", List.of(Origin.MEASURED), 6, 5, 15, 30),
        new MetricStatistics("params", "M", List.of(Origin.ANALYTIC), 1, 3.5, 3.5, 3.5)),
        summary.metrics().stream().map(SummaryTest::rounded).toList());
  }

  @Test
  void failuresGroupedByFirstLineMostFrequentFirst() {
    Summary summary = Summary.of(TrialAnalysis.of(Trials.singleObjective()));
    assertEquals(List.of(new FailureGroup(Trials.OOM, 2, 2),
        new FailureGroup("timeout after 30 s", 1, 5)), summary.failures());
  }

  @Test
  void twoObjectivesFrontReferencePointAndHypervolume() {
    Summary summary = Summary.of(TrialAnalysis.of(Trials.twoObjectives()));
    assertEquals(new Counts(8, 7, 1, 1, 0, 6), summary.counts());
    assertTrue(summary.best().isEmpty());
    Front front = summary.front().orElseThrow();
    assertEquals(List.of(
        new FrontPoint(3, "t3", List.of(90.0, 40.0)),
        new FrontPoint(1, "t1", List.of(80.0, 20.0)),
        new FrontPoint(0, "t0", List.of(70.0, 10.0))), front.points());
    assertEquals(List.of(57.0, 43.0), front.reference());
    assertEquals(689.0, front.hypervolume().getAsDouble(), 1e-9);
    assertEquals(List.of(new FailureGroup("diverged", 1, 5)), summary.failures());
  }

  @Test
  void threeObjectivesHaveAFrontButNoHypervolume() {
    ReportInput pair = Trials.twoObjectives();
    ReportInput triple = new ReportInput("triple", List.of(Objective.maximize("accuracy"),
        Objective.minimize("latency_ms"), Objective.minimize("params")), List.of(),
        pair.dimensions(), pair.records());
    Front front = Summary.of(TrialAnalysis.of(triple)).front().orElseThrow();
    // without the constraint 4 (95, 5, 9) joins; 6 (85, 40, 1) is no longer dominated by 3
    assertEquals(List.of(4L, 3L, 6L, 1L, 0L),
        front.points().stream().map(FrontPoint::number).toList());
    assertEquals(List.of(56.5, 43.5, 9.8), front.reference().stream()
        .map(v -> Math.round(v * 1e9) / 1e9).toList());
    assertFalse(front.hypervolume().isPresent());
  }

  @Test
  void noFeasibleTrialMeansNoBestAndAnEmptyFront() {
    ReportInput single = Trials.singleObjective();
    ReportInput failedOnly = new ReportInput("failing", single.objectives(), single.constraints(),
        single.dimensions(), single.records().stream().filter(r -> !r.completed()).toList());
    Summary summary = Summary.of(TrialAnalysis.of(failedOnly));
    assertEquals(new Counts(3, 0, 3, 0, 0, 0), summary.counts());
    assertTrue(summary.best().isEmpty());
    assertTrue(summary.metrics().isEmpty());

    ReportInput pair = Trials.twoObjectives();
    ReportInput infeasibleOnly = new ReportInput("infeasible", pair.objectives(),
        pair.constraints(), pair.dimensions(), List.of(pair.records().get(4)));
    Front front = Summary.of(TrialAnalysis.of(infeasibleOnly)).front().orElseThrow();
    assertTrue(front.points().isEmpty());
    assertTrue(front.reference().isEmpty());
    assertTrue(front.hypervolume().isEmpty());
  }

  @Test
  void referencePointOfAConstantObjectiveLiesTenPercentBeyondIt() {
    double[] reference = Summary.referenceLoss(new double[][] {{-80, 0}, {-80, 0}});
    assertEquals(-72, reference[0], 1e-12);
    assertEquals(1, reference[1], 1e-12);
  }

  private static MetricStatistics rounded(MetricStatistics m) {
    return new MetricStatistics(m.name(), m.unit(), m.origins(), m.count(), round(m.min()),
        round(m.median()), round(m.max()));
  }

  private static double round(double v) {
    return Math.round(v * 1e12) / 1e12;
  }
}
