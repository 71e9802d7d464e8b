package dev.lathe.core.internal.report;

import dev.lathe.api.optimize.Objective;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.internal.report.TrialAnalysis.Standing;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The history of one objective: its value per trial number (feasible and other completed trials
 * apart), the best-so-far step line over the feasible trials, and a cross along the bottom for
 * each failed trial. Beyond {@link Charts#MAX_POINTS} trials it draws every k-th trial but every
 * improvement of the best so far.
 */
final class HistoryChart {

  private static final double FAILED_MARK_HEIGHT = 0.015;

  private HistoryChart() {}

  /** The history chart of objective {@code objective} (an index into the objectives). */
  static JFreeChart of(TrialAnalysis analysis, int objectiveIndex) {
    Objective objective = analysis.input().objectives().get(objectiveIndex);
    List<TrialRecord> trials = analysis.trials();
    int[] improvements = analysis.improvements(objectiveIndex);
    boolean[] improved = new boolean[trials.size()];
    for (int i : improvements) {
      improved[i] = true;
    }
    int plottable = 0;
    for (int i = 0; i < trials.size(); i++) {
      if (analysis.standing(i) == Standing.FAILED
          || analysis.objectiveValue(i, objective).isPresent()) {
        plottable++;
      }
    }
    int stride = Charts.stride(plottable);
    PointList feasible = new PointList();
    PointList notFeasible = new PointList();
    PointList failed = new PointList();
    long feasibleCount = 0;
    long notFeasibleCount = 0;
    long failedCount = 0;
    int position = 0;
    for (int i = 0; i < trials.size(); i++) {
      double number = trials.get(i).number();
      Standing standing = analysis.standing(i);
      Optional<Double> value = analysis.objectiveValue(i, objective);
      if (standing != Standing.FAILED && value.isEmpty()) {
        continue;
      }
      boolean drawn = position++ % stride == 0 || improved[i];
      if (standing == Standing.FAILED) {
        failedCount++;
        if (drawn) {
          failed.add(number, FAILED_MARK_HEIGHT);
        }
      } else if (standing == Standing.FEASIBLE) {
        feasibleCount++;
        if (drawn) {
          feasible.add(number, value.get());
        }
      } else {
        notFeasibleCount++;
        if (drawn) {
          notFeasible.add(number, value.get());
        }
      }
    }

    String unit = analysis.unit(objective.metric());
    NumberAxis trialAxis = new NumberAxis("trial number");
    trialAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot plot = Charts.plot(trialAxis, new NumberAxis(Charts.label(objective, unit)));

    DefaultXYDataset values = new DefaultXYDataset();
    XYLineAndShapeRenderer valueRenderer = new XYLineAndShapeRenderer(false, true);
    int series = 0;
    if (feasibleCount > 0) {
      values.addSeries("feasible (" + feasibleCount + ")", feasible.toArray());
      valueRenderer.setSeriesPaint(series, Charts.FEASIBLE);
      valueRenderer.setSeriesShape(series++, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    }
    if (notFeasibleCount > 0) {
      values.addSeries("infeasible or unscored (" + notFeasibleCount + ")",
          notFeasible.toArray());
      valueRenderer.setSeriesPaint(series, Charts.NOT_FEASIBLE);
      valueRenderer.setSeriesShape(series, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    }
    plot.setDataset(0, values);
    plot.setRenderer(0, valueRenderer);

    if (improvements.length > 0) {
      PointList curve = new PointList();
      double best = Double.NaN;
      for (int i : improvements) {
        best = trials.get(i).metrics().value(objective.metric());
        curve.add(trials.get(i).number(), best);
      }
      curve.add(trials.get(trials.size() - 1).number(), best);
      DefaultXYDataset bestSoFar = new DefaultXYDataset();
      bestSoFar.addSeries("best so far (" + improvements.length + " improvements)",
          curve.toArray());
      XYStepRenderer stepRenderer = new XYStepRenderer();
      stepRenderer.setSeriesPaint(0, Charts.HIGHLIGHT);
      stepRenderer.setSeriesStroke(0, Charts.THICK);
      plot.setDataset(1, bestSoFar);
      plot.setRenderer(1, stepRenderer);
    }

    if (failedCount > 0) {
      NumberAxis failedAxis = new NumberAxis();
      failedAxis.setRange(0, 1);
      failedAxis.setVisible(false);
      plot.setRangeAxis(1, failedAxis);
      DefaultXYDataset failures = new DefaultXYDataset();
      failures.addSeries("failed (" + failedCount + ")", failed.toArray());
      XYLineAndShapeRenderer failedRenderer = new XYLineAndShapeRenderer(false, true);
      failedRenderer.setSeriesPaint(0, Charts.FAILED);
      failedRenderer.setSeriesShape(0, ShapeUtils.createDiagonalCross(4, 0.8f));
      plot.setDataset(2, failures);
      plot.setRenderer(2, failedRenderer);
      plot.mapDatasetToRangeAxis(2, 1);
    }

    String subtitle = String.format(Locale.ROOT, "%,d trials", trials.size())
        + (stride > 1
            ? "; 1 in " + stride + " drawn, and every improvement of the best so far" : "");
    return Charts.chart(analysis.input().experiment() + ": " + objective.metric() + " per trial",
        subtitle, plot);
  }
}
