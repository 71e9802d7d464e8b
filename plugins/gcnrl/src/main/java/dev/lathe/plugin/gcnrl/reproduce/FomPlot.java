package dev.lathe.plugin.gcnrl.reproduce;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The FoM-vs-simulations plot of one task: each method's best-so-far, averaged over seeds; the
 * vertical axis spans what the curves reach after the first tenth of the budget.
 */
final class FomPlot {

  private FomPlot() {}

  /** Writes the PNG of {@code curves} (one task) to {@code file}. */
  static void write(String title, List<Curve> curves, Path file) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    Map<String, XYSeries> byMethod = new LinkedHashMap<>();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, double[]> e : meanCurves(curves).entrySet()) {
      XYSeries series = new XYSeries(e.getKey());
      double[] mean = e.getValue();
      for (int i = 0; i < mean.length; i++) {
        if (!Double.isNaN(mean[i])) {
          series.add(i + 1, mean[i]);
          if (i >= mean.length / 10) {
            low = Math.min(low, mean[i]);
            high = Math.max(high, mean[i]);
          }
        }
      }
      byMethod.put(e.getKey(), series);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    byMethod.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart(title, "simulations",
        "best figure of merit (mean over seeds)", data, PlotOrientation.VERTICAL, true, false,
        false);
    if (low < high) {
      // The first tenth of a run (failed and penalised designs) would squash the rest.
      double margin = 0.05 * (high - low);
      chart.getXYPlot().getRangeAxis().setRange(low - margin, high + margin);
    }
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      ChartUtils.writeChartAsPNG(out, chart, 900, 560);
    }
  }

  /**
   * Each method's mean best-so-far curve over its seeds; a point is NaN until every seed has
   * a successful simulation.
   */
  static Map<String, double[]> meanCurves(List<Curve> curves) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Curve c : curves) {
      double[] sum = sums.computeIfAbsent(c.method(), k -> new double[c.bestSoFar().length]);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += c.bestSoFar()[i];
      }
      counts.merge(c.method(), 1, Integer::sum);
    }
    sums.forEach((m, sum) -> {
      for (int i = 0; i < sum.length; i++) {
        sum[i] /= counts.get(m);
      }
    });
    return sums;
  }
}
