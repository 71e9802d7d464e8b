package dev.lathe.plugin.baselines.bayes;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * Expected improvement weighted by the probability of feasibility, at a point of the unit cube.
 *
 * <p>Expected improvement below the best feasible loss {@code f*} (D. R. Jones, M. Schonlau,
 * W. J. Welch, "Efficient global optimization of expensive black-box functions", J. Global
 * Optim. 13, 1998): {@code EI(x) = (f* − ξ − μ) Φ(z) + σ φ(z)} with {@code z = (f* − ξ − μ)/σ},
 * where {@code μ} and {@code σ²} are the objective surrogate's posterior mean and latent
 * variance. Each constraint has its own surrogate of its slack (how far the metric lies inside
 * its bound), and EI is multiplied by the probability that every slack is non-negative,
 * {@code Π Φ((μ_c − t_c)/σ_c)} (M. A. Gelbart, J. Snoek, R. P. Adams, "Bayesian optimization with
 * unknown constraints", UAI 2014; J. R. Gardner et al., "Bayesian optimization with inequality
 * constraints", ICML 2014). Until some observation is feasible there is no {@code f*}, and the
 * acquisition is the probability of feasibility alone.
 *
 * <p>Values and gradients (along the real coordinates) cost one posterior prediction per
 * surrogate: {@code O(n d + n²)}.
 */
final class Acquisition {

  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  private final KernelInputs inputs;
  private final boolean[] continuous;
  private final GaussianProcess objective;
  private final double target;
  private final GaussianProcess[] constraints;
  private final double[] thresholds;

  /**
   * An acquisition function.
   *
   * @param inputs the transformation from the unit cube to kernel inputs
   * @param objective the objective's surrogate, on standardised losses
   * @param target the improvement threshold {@code f* − ξ} on the same scale, or NaN when no
   *     observation is feasible yet
   * @param constraints each constraint's surrogate of its standardised slack; a null entry
   *     (too few observations) counts as certainly feasible
   * @param thresholds the standardised slack of 0, per constraint
   */
  Acquisition(KernelInputs inputs, GaussianProcess objective, double target,
      GaussianProcess[] constraints, double[] thresholds) {
    this.inputs = inputs;
    this.continuous = inputs.continuous();
    this.objective = objective;
    this.target = target;
    this.constraints = constraints;
    this.thresholds = thresholds;
  }

  /** The acquisition at the unit-cube point {@code u}. */
  double value(double[] u) {
    double[] z = inputs.transform(u);
    double[] prediction = new double[2];
    double value = 1;
    if (!Double.isNaN(target)) {
      objective.predict(z, prediction);
      value = expectedImprovement(prediction[0], Math.sqrt(prediction[1]));
    }
    for (int c = 0; c < constraints.length; c++) {
      if (constraints[c] != null) {
        constraints[c].predict(z, prediction);
        value *= cdf((prediction[0] - thresholds[c]) / Math.sqrt(prediction[1]));
      }
    }
    return value;
  }

  /**
   * The acquisition at {@code u}, with its gradient along the real coordinates written into
   * {@code gradient} (0 along the others).
   */
  double value(double[] u, double[] gradient) {
    int d = u.length;
    double[] z = inputs.transform(u);
    double[] prediction = new double[2];
    double[] meanGradient = new double[d];
    double[] varianceGradient = new double[d];
    double value = 1;
    Arrays.fill(gradient, 0);
    if (!Double.isNaN(target)) {
      objective.predict(z, continuous, prediction, meanGradient, varianceGradient);
      double sigma = Math.sqrt(prediction[1]);
      double gap = target - prediction[0];
      double t = gap / sigma;
      double cdf = cdf(t);
      double pdf = pdf(t);
      value = gap * cdf + sigma * pdf;
      for (int j = 0; j < d; j++) {
        gradient[j] = -cdf * meanGradient[j] + pdf * varianceGradient[j] / (2 * sigma);
      }
    }
    for (int c = 0; c < constraints.length; c++) {
      if (constraints[c] == null) {
        continue;
      }
      constraints[c].predict(z, continuous, prediction, meanGradient, varianceGradient);
      double sigma = Math.sqrt(prediction[1]);
      double t = (prediction[0] - thresholds[c]) / sigma;
      double p = cdf(t);
      double density = pdf(t);
      for (int j = 0; j < d; j++) {
        double dt = meanGradient[j] / sigma
            - (prediction[0] - thresholds[c]) * varianceGradient[j] / (2 * sigma * prediction[1]);
        gradient[j] = gradient[j] * p + value * density * dt;
      }
      value *= p;
    }
    return value;
  }

  private double expectedImprovement(double mean, double sigma) {
    double gap = target - mean;
    double t = gap / sigma;
    return gap * cdf(t) + sigma * pdf(t);
  }

  /** The standard normal distribution function, by commons-math3's complementary erf. */
  static double cdf(double t) {
    return 0.5 * Erf.erfc(-t / Math.sqrt(2));
  }

  /** The standard normal density. */
  static double pdf(double t) {
    return INV_SQRT_2PI * Math.exp(-0.5 * t * t);
  }
}
