package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.RealDimension;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/**
 * The Branin–Hoo function on {@code x1 ∈ [-5, 10]}, {@code x2 ∈ [0, 15]}:
 * {@code a (x2 - b x1² + c x1 - r)² + s (1 - t) cos x1 + s} with {@code a = 1},
 * {@code b = 5.1 / (4π²)}, {@code c = 5 / π}, {@code r = 6}, {@code s = 10},
 * {@code t = 1 / (8π)}, as given by Dixon and Szegő (1978), "Towards Global Optimisation 2".
 * It has three global minima of value {@code 5 / (4π) ≈ 0.397887}. One objective,
 * {@code value}; O(1) per evaluation.
 */
public final class Branin implements TestFunction {

  /** The plugin id of the space and the evaluator. */
  public static final String ID = "branin";

  /** The global minimum as published, to six decimals. */
  public static final double PUBLISHED_MINIMUM = 0.397887;

  /** The three global minimisers as published: (−π, 12.275), (π, 2.275), (9.42478, 2.475). */
  public static final List<List<Double>> PUBLISHED_MINIMISERS = List.of(
      List.of(-Math.PI, 12.275), List.of(Math.PI, 2.275), List.of(9.42478, 2.475));

  static final PluginInfo INFO = PluginInfo.of(
      ID, "0.1.0", "Branin-Hoo function (2-D, three global minima)", "[0.1,1.0)");

  private static final double A = 1;
  private static final double B = 5.1 / (4 * Math.PI * Math.PI);
  private static final double C = 5 / Math.PI;
  private static final double R = 6;
  private static final double S = 10;
  private static final double T = 1 / (8 * Math.PI);

  private static final List<RealDimension> DOMAIN =
      List.of(RealDimension.of("x1", -5, 10), RealDimension.of("x2", 0, 15));

  /** The function's value at {@code (x1, x2)}; defined for any reals. */
  public static double value(double x1, double x2) {
    double inner = x2 - B * x1 * x1 + C * x1 - R;
    return A * inner * inner + S * (1 - T) * Math.cos(x1) + S;
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

  /**
   * The value at {@code x} as the single objective.
   *
   * @param x two coordinates, not null
   * @throws IllegalArgumentException if {@code x} does not have two coordinates
   */
  @Override
  public double[] values(double[] x) {
    if (x.length != 2) {
      throw new IllegalArgumentException("Branin takes 2 coordinates, got " + x.length);
    }
    return new double[] {value(x[0], x[1])};
  }
}
