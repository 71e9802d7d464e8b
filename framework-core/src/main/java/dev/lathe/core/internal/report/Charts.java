package dev.lathe.core.internal.report;

import dev.lathe.api.optimize.Objective;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/**
 * What the report's charts share: headless AWT, size, colours, axes, subsampling, and writing
 * as PNG.
 */
final class Charts {

  static {
    // Before any AWT class initialises: the report runs on servers without a display, and AWT
    // reads the setting once. An explicit setting is respected.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Width of every chart in pixels. */
  static final int WIDTH = 900;
  /** Height of every chart in pixels. */
  static final int HEIGHT = 600;
  /** About how many trial points a chart draws; beyond that it draws every k-th trial. */
  static final int MAX_POINTS = 20_000;

  static final Color FEASIBLE = new Color(31, 119, 180, 150);
  static final Color NOT_FEASIBLE = new Color(140, 140, 140, 150);
  static final Color FAILED = new Color(214, 39, 40);
  static final Color HIGHLIGHT = new Color(255, 127, 14);
  static final Color REFERENCE = Color.BLACK;
  static final BasicStroke THICK = new BasicStroke(2.0f);

  private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private Charts() {}

  /**
   * A plot with white background and grey grid lines whose datasets are drawn from the last
   * index to the first, so that dataset 0 lies on top.
   */
  static XYPlot plot(NumberAxis x, NumberAxis y) {
    for (NumberAxis axis : new NumberAxis[] {x, y}) {
      axis.setLabelFont(AXIS_FONT);
      axis.setAutoRangeIncludesZero(false);
      axis.setAutoRangeStickyZero(false);
    }
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
    return plot;
  }

  /** A chart with a title, a legend and, unless empty, a subtitle. */
  static JFreeChart chart(String title, String subtitle, XYPlot plot) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    if (!subtitle.isEmpty()) {
      chart.addSubtitle(new TextTitle(subtitle, SUBTITLE_FONT));
    }
    return chart;
  }

  /** An axis label such as {@code latency_ms [ms] (minimize)}. */
  static String label(Objective objective, String unit) {
    return objective.metric() + (unit.isEmpty() ? "" : " [" + unit + "]") + " ("
        + objective.direction().name().toLowerCase(Locale.ROOT) + ")";
  }

  /**
   * The stride k such that drawing every k-th of {@code count} points leaves at most about
   * {@link #MAX_POINTS}.
   */
  static int stride(long count) {
    return (int) Math.max(1, (count + MAX_POINTS - 1) / MAX_POINTS);
  }

  /** Writes {@code chart} to {@code out} as a {@value #WIDTH} by {@value #HEIGHT} PNG. */
  static void writePng(JFreeChart chart, OutputStream out) throws IOException {
    ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
  }
}
