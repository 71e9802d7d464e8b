package dev.lathe.plugin.spanner;

import java.util.List;

/**
 * A least-squares line through {@code (ln x, ln y)}: {@code y ≈ a·x^slope}.
 *
 * @param slope the exponent
 * @param scale the factor {@code a}
 */
record LogLogFit(double slope, double scale) {

  /**
   * The fit through the points {@code (xs[i], ys[i])}.
   *
   * @throws IllegalArgumentException with fewer than two points, lists of unequal length, or
   *     a non-positive value
   */
  static LogLogFit of(List<Double> xs, List<Double> ys) {
    if (xs.size() != ys.size() || xs.size() < 2) {
      throw new IllegalArgumentException("a log-log fit needs two or more (x, y) pairs, got "
          + xs.size() + " x and " + ys.size() + " y");
    }
    int n = xs.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      if (!(xs.get(i) > 0 && ys.get(i) > 0)) {
        throw new IllegalArgumentException("a log-log fit needs positive values, got ("
            + xs.get(i) + ", " + ys.get(i) + ")");
      }
      double lx = Math.log(xs.get(i));
      double ly = Math.log(ys.get(i));
      sx += lx;
      sy += ly;
      sxx += lx * lx;
      sxy += lx * ly;
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double intercept = (sy - slope * sx) / n;
    return new LogLogFit(slope, Math.exp(intercept));
  }
}
