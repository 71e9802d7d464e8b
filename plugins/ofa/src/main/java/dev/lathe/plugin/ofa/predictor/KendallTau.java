package dev.lathe.plugin.ofa.predictor;

/**
 * Kendall's rank correlation τ-b (Kendall, 1945) between two samples: concordant minus
 * discordant pairs over the geometric mean of the pairs not tied in each sample; in [−1, 1].
 * O(n²) over all pairs, which suits the hundreds of subnets it ranks.
 */
public final class KendallTau {

  private KendallTau() {}

  /**
   * τ-b of {@code x} and {@code y}.
   *
   * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 values, or a
   *     sample is constant
   */
  public static double tauB(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("Kendall's tau needs two samples of the same length,"
          + " at least 2; got " + x.length + " and " + y.length);
    }
    long concordant = 0;
    long discordant = 0;
    long tiedX = 0;
    long tiedY = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        int sx = Double.compare(x[i], x[j]);
        int sy = Double.compare(y[i], y[j]);
        if (sx == 0 && sy == 0) {
          continue;
        }
        if (sx == 0) {
          tiedX++;
        } else if (sy == 0) {
          tiedY++;
        } else if (sx == sy) {
          concordant++;
        } else {
          discordant++;
        }
      }
    }
    double denominator = Math.sqrt((double) (concordant + discordant + tiedX)
        * (concordant + discordant + tiedY));
    if (denominator == 0) {
      throw new IllegalArgumentException("Kendall's tau is undefined for a constant sample");
    }
    return (concordant - discordant) / denominator;
  }
}
