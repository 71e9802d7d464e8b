package dev.lathe.core.internal.report;

import dev.lathe.api.optimize.Objective;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.internal.report.Summary.Front;
import dev.lathe.core.internal.report.Summary.FrontPoint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The feasible trials of a two-objective experiment in objective space, with the Pareto front
 * highlighted and connected and the hypervolume's reference point marked. Beyond
 * {@link Charts#MAX_POINTS} feasible trials it draws every k-th one but every front trial.
 */
final class ParetoChart {

  private ParetoChart() {}

  /**
   * The Pareto chart of {@code analysis}, whose experiment has exactly two objectives.
   *
   * @param front the front from the analysis' {@link Summary}
   */
  static JFreeChart of(TrialAnalysis analysis, Front front) {
    List<Objective> objectives = analysis.input().objectives();
    if (objectives.size() != 2) {
      throw new IllegalArgumentException("a Pareto chart needs two objectives, '"
          + analysis.input().experiment() + "' has " + objectives.size());
    }
    Objective first = objectives.get(0);
    Objective second = objectives.get(1);
    List<TrialRecord> trials = analysis.trials();
    int[] feasible = analysis.feasible();
    int stride = Charts.stride(feasible.length);
    PointList all = new PointList();
    for (int k = 0; k < feasible.length; k++) {
      if (k % stride == 0) {
        TrialRecord t = trials.get(feasible[k]);
        all.add(t.metrics().value(first.metric()), t.metrics().value(second.metric()));
      }
    }
    PointList frontPoints = new PointList();
    for (FrontPoint p : front.points()) {
      frontPoints.add(p.values().get(0), p.values().get(1));
    }

    XYPlot plot = Charts.plot(
        new NumberAxis(Charts.label(first, analysis.unit(first.metric()))),
        new NumberAxis(Charts.label(second, analysis.unit(second.metric()))));
    DefaultXYDataset points = new DefaultXYDataset();
    points.addSeries("feasible trials (" + feasible.length + ")", all.toArray());
    XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    pointRenderer.setSeriesPaint(0, Charts.FEASIBLE);
    pointRenderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    plot.setDataset(1, points);
    plot.setRenderer(1, pointRenderer);

    DefaultXYDataset frontData = new DefaultXYDataset();
    frontData.addSeries("Pareto front (" + front.points().size() + ")", frontPoints.toArray());
    XYLineAndShapeRenderer frontRenderer = new XYLineAndShapeRenderer(true, true);
    frontRenderer.setSeriesPaint(0, Charts.HIGHLIGHT);
    frontRenderer.setSeriesStroke(0, Charts.THICK);
    frontRenderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    plot.setDataset(0, frontData);
    plot.setRenderer(0, frontRenderer);

    String subtitle = String.format(Locale.ROOT, "%,d feasible trials", feasible.length);
    if (!front.reference().isEmpty() && front.hypervolume().isPresent()) {
      DefaultXYDataset reference = new DefaultXYDataset();
      reference.addSeries("reference point (hypervolume "
              + Decimals.format(front.hypervolume().getAsDouble()) + ")",
          new double[][] {{front.reference().get(0)}, {front.reference().get(1)}});
      XYLineAndShapeRenderer referenceRenderer = new XYLineAndShapeRenderer(false, true);
      referenceRenderer.setSeriesPaint(0, Charts.REFERENCE);
      referenceRenderer.setSeriesShape(0, ShapeUtils.createDiagonalCross(5, 1));
      plot.setDataset(2, reference);
      plot.setRenderer(2, referenceRenderer);
    }
    if (stride > 1) {
      subtitle += "; 1 in " + stride + " drawn, and every front trial";
    }
    return Charts.chart(analysis.input().experiment() + ": Pareto front of " + first.metric()
        + " and " + second.metric(), subtitle, plot);
  }
}
