package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.RealDimension;
import java.util.List;

/**
 * A test function of optimisation: a box of real dimensions {@code x1 … xn} and one or more
 * objectives, all minimised, computed by a closed formula.
 */
public interface TestFunction {

  /** The plugin id under which the function's space and evaluator are found. */
  String id();

  /** The box on which the function is defined, one dimension per variable, in order. */
  List<RealDimension> domain();

  /** The names of the objectives, in the order of {@link #values}. */
  List<String> objectives();

  /**
   * The objectives at a point of the domain.
   *
   * @param x one coordinate per dimension of {@link #domain()}, in order, not null
   * @return one value per objective of {@link #objectives()}
   */
  double[] values(double[] x);

  /** Dimensions {@code x1 … xn} over {@code [low, high]}. */
  static List<RealDimension> box(int n, double low, double high) {
    RealDimension[] dimensions = new RealDimension[n];
    for (int i = 0; i < n; i++) {
      dimensions[i] = RealDimension.of("x" + (i + 1), low, high);
    }
    return List.of(dimensions);
  }
}
