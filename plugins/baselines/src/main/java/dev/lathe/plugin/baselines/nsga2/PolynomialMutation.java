package dev.lathe.plugin.baselines.nsga2;

import java.util.random.RandomGenerator;

/**
 * Polynomial mutation of one variable in [0, 1], the bounded form of the reference NSGA-II code
 * (K. Deb, M. Goyal, "A combined genetic adaptive search (GeneAS) for engineering design",
 * Computer Science and Informatics 26, 1996; K. Deb et al., NSGA-II, IEEE TEC 2002): a
 * perturbation whose distribution narrows as the distribution index grows and that never leaves
 * the bounds. O(1).
 */
final class PolynomialMutation {

  private PolynomialMutation() {}

  /**
   * {@code y} perturbed.
   *
   * @param y a value in [0, 1]
   * @param eta the distribution index, at least 0
   */
  static double mutate(double y, double eta, RandomGenerator random) {
    double u = random.nextDouble();
    double power = 1 / (eta + 1);
    double delta;
    if (u <= 0.5) {
      delta = Math.pow(2 * u + (1 - 2 * u) * Math.pow(1 - y, eta + 1), power) - 1;
    } else {
      delta = 1 - Math.pow(2 * (1 - u) + 2 * (u - 0.5) * Math.pow(y, eta + 1), power);
    }
    return Math.min(1, Math.max(0, y + delta));
  }
}
