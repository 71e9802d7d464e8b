package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.RealDimension;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/**
 * The six-dimensional Hartmann function on {@code [0, 1]⁶}:
 * {@code -Σᵢ αᵢ exp(-Σⱼ Aᵢⱼ (xⱼ - Pᵢⱼ)²)} over four terms, with the constants α, A and P of
 * Hartman (1973) as given by Dixon and Szegő (1978), "Towards Global Optimisation 2". Its
 * global minimum is about −3.32237. One objective, {@code value}; 24 squared distances and
 * four exponentials per evaluation.
 */
public final class Hartmann6 implements TestFunction {

  /** The plugin id of the space and the evaluator. */
  public static final String ID = "hartmann6";

  /** The global minimum as published, to five decimals. */
  public static final double PUBLISHED_MINIMUM = -3.32237;

  /** The global minimiser as published. */
  public static final List<Double> PUBLISHED_MINIMISER =
      List.of(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573);

  static final PluginInfo INFO = PluginInfo.of(
      ID, "0.1.0", "Hartmann 6-D function (six dimensions, one global minimum)", "[0.1,1.0)");

  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};

  private static final double[][] A = {
      {10, 3, 17, 3.5, 1.7, 8},
      {0.05, 10, 17, 0.1, 8, 14},
      {3, 3.5, 1.7, 10, 17, 8},
      {17, 8, 0.05, 10, 0.1, 14}};

  private static final double[][] P = {
      {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
      {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
      {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
      {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

  private static final List<RealDimension> DOMAIN = TestFunction.box(6, 0, 1);

  /**
   * The function's value at {@code x}; defined for any reals.
   *
   * @param x six coordinates, not null
   * @throws IllegalArgumentException if {@code x} does not have six coordinates
   */
  public static double value(double[] x) {
    if (x.length != 6) {
      throw new IllegalArgumentException("Hartmann-6 takes 6 coordinates, got " + x.length);
    }
    double sum = 0;
    for (int i = 0; i < ALPHA.length; i++) {
      double exponent = 0;
      for (int j = 0; j < 6; j++) {
        double d = x[j] - P[i][j];
        exponent += A[i][j] * d * d;
      }
      sum += ALPHA[i] * Math.exp(-exponent);
    }
    return -sum;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<RealDimension> domain() {
    return DOMAIN;
  }

  @Override
  public List<String> objectives() {
    return List.of("value");
  }

  @Override
  public double[] values(double[] x) {
    return new double[] {value(x)};
  }
}
