package dev.lathe.plugin.baselines.nsga2;

import java.util.random.RandomGenerator;

/**
 * Simulated binary crossover (SBX) of one variable in [0, 1], with the bounded spread
 * distribution of the reference NSGA-II code (K. Deb, R. B. Agrawal, "Simulated binary crossover
 * for continuous search space", Complex Systems 9, 1995; K. Deb et al., NSGA-II, IEEE TEC 2002):
 * the two children lie symmetrically about the parents' mean, at a spread drawn so that children
 * near the parents are likelier the larger the distribution index, and never outside the bounds.
 * O(1).
 */
final class SimulatedBinaryCrossover {

  /** Parents closer than this are not crossed. */
  private static final double EPSILON = 1e-14;

  private SimulatedBinaryCrossover() {}

  /**
   * The two children of parent values {@code a} and {@code b}, the smaller child first, or the
   * parents themselves when they (nearly) coincide.
   *
   * @param a a parent value in [0, 1]
   * @param b the other parent value in [0, 1]
   * @param eta the distribution index, at least 0
   */
  static double[] children(double a, double b, double eta, RandomGenerator random) {
    if (Math.abs(a - b) <= EPSILON) {
      return new double[] {a, b};
    }
    double y1 = Math.min(a, b);
    double y2 = Math.max(a, b);
    double u = random.nextDouble();
    double c1 = 0.5 * ((y1 + y2) - spread(1 + 2 * y1 / (y2 - y1), eta, u) * (y2 - y1));
    double c2 = 0.5 * ((y1 + y2) + spread(1 + 2 * (1 - y2) / (y2 - y1), eta, u) * (y2 - y1));
    return new double[] {clamp(c1), clamp(c2)};
  }

  /** The spread factor for a bound at {@code beta}, from uniform {@code u}. */
  private static double spread(double beta, double eta, double u) {
    double alpha = 2 - Math.pow(beta, -(eta + 1));
    return u <= 1 / alpha
        ? Math.pow(u * alpha, 1 / (eta + 1))
        : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
  }

  private static double clamp(double x) {
    return Math.min(1, Math.max(0, x));
  }
}
