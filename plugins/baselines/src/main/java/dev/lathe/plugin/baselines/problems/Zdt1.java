package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.RealDimension;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import java.util.List;

/**
 * ZDT1, the first two-objective test function of Zitzler, Deb and Thiele (2000), "Comparison
 * of Multiobjective Evolutionary Algorithms: Empirical Results", Evolutionary Computation 8(2):
 * on {@code [0, 1]ⁿ}, minimise {@code f1 = x1} and {@code f2 = g (1 - √(f1 / g))} with
 * {@code g = 1 + 9 (x2 + … + xn) / (n - 1)}. Its Pareto-optimal front, reached where
 * {@code x2 = … = xn = 0} (so {@code g = 1}), is the convex curve {@code f2 = 1 - √f1}.
 * O(n) per evaluation.
 */
public final class Zdt1 implements TestFunction {

  /** The plugin id of the space and the evaluator. */
  public static final String ID = "zdt1";

  /** The number of decision variables, read by both the space and the evaluator. */
  public static final ParameterSpec DIMENSIONS = ParameterSpec.of("dimensions",
          ParameterSpec.Type.INTEGER, "30",
          "number of decision variables n (x1 ... xn); the published ZDT1 has 30")
      .range(2, 1000);

  static final PluginInfo INFO = PluginInfo.of(
      ID, "0.1.0", "ZDT1 two-objective function (convex Pareto front)", "[0.1,1.0)");

  private final List<RealDimension> domain;

  /**
   * ZDT1 over {@code n} variables.
   *
   * @throws IllegalArgumentException if {@code n < 2}
   */
  public Zdt1(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("ZDT1 needs at least 2 dimensions, got " + n);
    }
    this.domain = TestFunction.box(n, 0, 1);
  }

  /** ZDT1 with the number of variables in {@code settings}' {@link #DIMENSIONS}. */
  public static Zdt1 from(Settings settings) {
    return new Zdt1(settings.getInt(DIMENSIONS.name()));
  }

  /** The Pareto-optimal {@code f2} for a given {@code f1 ∈ [0, 1]}: {@code 1 - √f1}. */
  public static double paretoFront(double f1) {
    return 1 - Math.sqrt(f1);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<RealDimension> domain() {
    return domain;
  }

  @Override
  public List<String> objectives() {
    return List.of("f1", "f2");
  }

  /**
   * {@code (f1, f2)} at {@code x}.
   *
   * @param x {@code n} coordinates in {@code [0, 1]}, not null
   * @throws IllegalArgumentException if {@code x} does not have {@code n} coordinates
   */
  @Override
  public double[] values(double[] x) {
    int n = domain.size();
    if (x.length != n) {
      throw new IllegalArgumentException("ZDT1 over " + n + " dimensions got " + x.length
          + " coordinates");
    }
    double tail = 0;
    for (int i = 1; i < n; i++) {
      tail += x[i];
    }
    double f1 = x[0];
    double g = 1 + 9 * tail / (n - 1);
    return new double[] {f1, g * (1 - Math.sqrt(f1 / g))};
  }
}
