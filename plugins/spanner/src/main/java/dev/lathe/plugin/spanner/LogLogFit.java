package dev.lathe.plugin.spanner;

import java.util.List;

/**
 * A least-squares line through {@code (ln x, ln y)}: {@code y ≈ a·x^slope}.
 *
 * @param slope the exponent
 * @param scale the factor {@code a}
 * @param slopeError the standard error of the slope, {@code √(SSR/(N−2)/S_xx)}; NaN for two
 *     points
 * @param points {@code N}, the number of points fitted
 */
record LogLogFit(double slope, double scale, double slopeError, int points) {

  /** Student's t quantile {@code t_{0.975, df}} for df = 1 … 30. */
  private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
      2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080,
      2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

  /**
   * The half-width of the two-sided 95 % confidence interval of the slope,
   * {@code t_{0.975, N−2}·slopeError} (for more than 32 points, the quantile of 30 degrees of
   * freedom, which is slightly wider than the true one); NaN for two points.
   */
  double slopeHalfWidth95() {
    int df = points - 2;
    return df < 1 ? Double.NaN : T975[Math.min(df, T975.length) - 1] * slopeError;
  }

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
    double residuals = 0;
    for (int i = 0; i < n; i++) {
      double r = Math.log(ys.get(i)) - intercept - slope * Math.log(xs.get(i));
      residuals += r * r;
    }
    double spread = sxx - sx * sx / n;
    double error = n > 2 ? Math.sqrt(residuals / (n - 2) / spread) : Double.NaN;
    return new LogLogFit(slope, Math.exp(intercept), error, n);
  }
}
