package dev.lathe.core.internal.report;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.TrialRecord.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hand-made trial sets whose report numbers are worked out in the tests. */
final class Trials {

  static final Instant START = Instant.parse("2025-01-02T03:04:05Z");
  static final String OOM = "CUDA out of memory, tried to allocate 2 GiB; \"batch\" too big";

  private Trials() {}

  static TrialRecord completed(long number, Candidate candidate, Metrics metrics) {
    return new TrialRecord("t" + number, number, 1, candidate, Status.COMPLETED, metrics, null,
        START.plusSeconds(number), Duration.ofMillis(1500 + number), "local-" + number % 2);
  }

  static TrialRecord failed(long number, Candidate candidate, String reason) {
    return new TrialRecord("t" + number, number, 2, candidate, Status.FAILED, Metrics.empty(),
        reason, START.plusSeconds(number), Duration.ofMillis(1500 + number), "local-" + number % 2);
  }

  static Candidate candidate(double lr, long layers) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("lr", lr);
    values.put("layers", layers);
    return Candidate.of(values);
  }

  static Metrics lossAndLatency(double loss, double latencyMs) {
    return Metrics.builder().add("loss", loss, "", Origin.MEASURED)
        .add("latency_ms", latencyMs, "ms", Origin.MEASURED).build();
  }

  /**
   * Minimise loss subject to latency_ms &lt;= 25. Feasible: 0, 3, 4, 6; infeasible: 1 (too
   * slow) and 9 (no latency); unscored: 7 (NaN loss); failed: 2, 5, 8. The best is 4 (0.4,
   * tied later by 6); the best so far improves at 0, 3 and 4.
   */
  static ReportInput singleObjective() {
    List<TrialRecord> records = new ArrayList<>(List.of(
        completed(0, candidate(0.1, 2), Metrics.builder()
            .add("loss", 0.9, "", Origin.PREDICTED)
            .add("latency_ms", 10, "ms", Origin.MEASURED).build()),
        completed(1, candidate(0.2, 2), lossAndLatency(0.5, 30)),
        failed(2, candidate(0.01, 3), OOM + "\nat line 3"),
        completed(3, candidate(0.3, 4), lossAndLatency(0.7, 20)),
        completed(4, candidate(0.05, 4), lossAndLatency(0.4, 25)),
        failed(5, candidate(0.5, 1), "timeout after 30 s"),
        completed(6, candidate(0.06, 5), lossAndLatency(0.4, 5)),
        completed(7, candidate(0.07, 5), lossAndLatency(Double.NaN, 5)),
        failed(8, candidate(0.08, 3), OOM + "\nat line 9"),
        completed(9, candidate(0.09, 1), Metrics.builder()
            .add("loss", 0.6, "", Origin.MEASURED)
            .add("params", 3.5, "M", Origin.ANALYTIC).build())));
    Collections.shuffle(records, new Random(7));
    return new ReportInput("tiny", List.of(Objective.minimize("loss")),
        List.of(Constraint.parse("latency_ms <= 25")), List.of("lr", "layers"), records);
  }

  static Metrics accuracyLatencyParams(double accuracy, double latencyMs, double params) {
    return Metrics.builder().add("accuracy", accuracy, "%", Origin.MEASURED)
        .add("latency_ms", latencyMs, "ms", Origin.SIMULATED)
        .add("params", params, "M", Origin.ANALYTIC).build();
  }

  /**
   * Maximise accuracy, minimise latency_ms, subject to params &lt;= 5. Feasible: 0, 1, 2, 3, 6,
   * 7; infeasible: 4; failed: 5. Front: 0 (70, 10), 1 (80, 20), 3 (90, 40). Reference point:
   * accuracy 60 - 3 = 57, latency 40 + 3 = 43; hypervolume 33*3 + 23*20 + 13*10 = 689.
   */
  static ReportInput twoObjectives() {
    return new ReportInput("pair", List.of(Objective.maximize("accuracy"),
        Objective.minimize("latency_ms")), List.of(Constraint.parse("params <= 5")),
        List.of("lr", "layers"), List.of(
            completed(0, candidate(0.1, 1), accuracyLatencyParams(70, 10, 1)),
            completed(1, candidate(0.1, 2), accuracyLatencyParams(80, 20, 2)),
            completed(2, candidate(0.1, 3), accuracyLatencyParams(75, 25, 2)),
            completed(3, candidate(0.1, 4), accuracyLatencyParams(90, 40, 3)),
            completed(4, candidate(0.1, 5), accuracyLatencyParams(95, 5, 9)),
            failed(5, candidate(0.1, 6), "diverged"),
            completed(6, candidate(0.2, 1), accuracyLatencyParams(85, 40, 1)),
            completed(7, candidate(0.2, 2), accuracyLatencyParams(60, 10, 1))));
  }
}
