package dev.lathe.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.store.TrialRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A report of 100,000 trials: its files' contents, and charts drawn from a subsample. */
class ReportWriterScaleTest {

  private static final Logger LOG = LoggerFactory.getLogger(ReportWriterScaleTest.class);
  private static final int TRIALS = 100_000;
  private static final String[] REASONS = {"timeout after 60 s", "NaN loss, at step 3",
      "worker \"w7\" lost"};

  @TempDir
  Path folder;

  @Test
  void hundredThousandTrials() throws IOException {
    Random random = new Random(2024);
    List<TrialRecord> records = new ArrayList<>(TRIALS);
    int failed = 0;
    int infeasible = 0;
    List<double[]> feasible = new ArrayList<>();
    for (int n = 0; n < TRIALS; n++) {
      if (random.nextInt(20) == 0) {
        records.add(Trials.failed(n, Trials.candidate(random.nextDouble(), n % 8),
            REASONS[failed++ % REASONS.length]));
        continue;
      }
      double accuracy = 50 + 40 * (double) n / TRIALS + 8 * random.nextGaussian();
      double latency = 5 + Math.max(0, accuracy - 40) * (0.5 + random.nextDouble());
      double params = 10 * random.nextDouble();
      if (params > 9) {
        infeasible++;
      } else {
        feasible.add(new double[] {n, accuracy, latency});
      }
      records.add(Trials.completed(n, Trials.candidate(random.nextDouble(), n % 8),
          Trials.accuracyLatencyParams(accuracy, latency, params)));
    }
    Collections.shuffle(records, random);
    ReportInput input = new ReportInput("scale", List.of(Objective.maximize("accuracy"),
        Objective.minimize("latency_ms")), List.of(Constraint.parse("params <= 9")),
        List.of("lr", "layers"), records);

    long start = System.nanoTime();
    List<Path> files = ReportWriter.write(folder, input);
    LOG.info("Report of {} trials written in {} ms", TRIALS,
        (System.nanoTime() - start) / 1_000_000);
    assertEquals(6, files.size());

    try (BufferedReader csv = Files.newBufferedReader(folder.resolve("trials.csv"))) {
      assertTrue(csv.readLine().startsWith("number,trial_id,status,attempts,x.lr,x.layers,"
          + "m.accuracy,m.latency_ms,m.params,failure,"));
      long rows = 0;
      for (String line = csv.readLine(); line != null; line = csv.readLine()) {
        assertTrue(line.startsWith(rows + ",t" + rows + ","), line);
        rows++;
      }
      assertEquals(TRIALS, rows);
    }

    JsonNode summary = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
    assertEquals(TRIALS, summary.at("/counts/total").asLong());
    assertEquals(failed, summary.at("/counts/failed").asLong());
    assertEquals(infeasible, summary.at("/counts/infeasible").asLong());
    assertEquals(feasible.size(), summary.at("/counts/feasible").asLong());
    assertEquals(REASONS.length, summary.get("failures").size());

    List<Long> front = frontByAccuracySweep(feasible);
    JsonNode paretoFront = summary.get("pareto_front");
    assertEquals(front, StreamSupport.stream(paretoFront.get("trials").spliterator(), false)
        .map(t -> t.get("number").asLong()).toList());
    double worstAccuracy = feasible.stream().mapToDouble(p -> p[1]).min().orElseThrow();
    double bestAccuracy = feasible.stream().mapToDouble(p -> p[1]).max().orElseThrow();
    assertEquals(worstAccuracy - 0.1 * (bestAccuracy - worstAccuracy),
        paretoFront.at("/reference_point/accuracy").asDouble(), 1e-9);
    assertTrue(paretoFront.get("hypervolume").asDouble() > 0);

    for (Path png : files.subList(3, 6)) {
      ReportWriterTest.assertPng(png);
    }
  }

  @Test
  void chartsDrawASubsampleButEveryImprovementAndFrontPoint() {
    Random random = new Random(99);
    int trials = 3 * Charts.MAX_POINTS;
    List<TrialRecord> records = new ArrayList<>(trials);
    for (int n = 0; n < trials; n++) {
      records.add(n % 10 == 0
          ? Trials.failed(n, Trials.candidate(0.1, 1), "diverged")
          : Trials.completed(n, Trials.candidate(0.1, 1),
              Trials.accuracyLatencyParams(random.nextDouble(), random.nextDouble(), 1)));
    }
    TrialAnalysis analysis = TrialAnalysis.of(new ReportInput("sub", List.of(
        Objective.maximize("accuracy"), Objective.minimize("latency_ms")), List.of(),
        List.of("lr", "layers"), records));
    int improvements = analysis.improvements(0).length;

    XYPlot history = HistoryChart.of(analysis, 0).getXYPlot();
    int drawn = history.getDataset(0).getItemCount(0) + history.getDataset(2).getItemCount(0);
    assertTrue(drawn <= Charts.MAX_POINTS + improvements, "drew " + drawn);
    assertTrue(drawn >= Charts.MAX_POINTS / 2, "drew " + drawn);
    assertEquals(improvements + 1, history.getDataset(1).getItemCount(0));
    for (int i : analysis.improvements(0)) {
      double number = analysis.trials().get(i).number();
      assertTrue(contains(history, number), "improvement at trial " + number + " is drawn");
    }

    Summary summary = Summary.of(analysis);
    JFreeChart pareto = ParetoChart.of(analysis, summary.front().orElseThrow());
    XYPlot plot = pareto.getXYPlot();
    assertEquals(summary.front().orElseThrow().points().size(),
        plot.getDataset(0).getItemCount(0));
    assertTrue(plot.getDataset(1).getItemCount(0) <= Charts.MAX_POINTS);
  }

  private static boolean contains(XYPlot plot, double x) {
    for (int item = 0; item < plot.getDataset(0).getItemCount(0); item++) {
      if (plot.getDataset(0).getXValue(0, item) == x) {
        return true;
      }
    }
    return false;
  }

  /**
   * The front of (number, accuracy, latency) points, maximising accuracy and minimising latency,
   * by a sweep from the most accurate point down, ordered by decreasing accuracy.
   */
  private static List<Long> frontByAccuracySweep(List<double[]> points) {
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.<double[]>comparingDouble(p -> -p[1]).thenComparingDouble(p -> p[2]));
    List<Long> front = new ArrayList<>();
    double bestLatency = Double.POSITIVE_INFINITY;
    for (double[] p : sorted) {
      if (p[2] < bestLatency) {
        front.add((long) p[0]);
        bestLatency = p[2];
      }
    }
    return front;
  }
}
