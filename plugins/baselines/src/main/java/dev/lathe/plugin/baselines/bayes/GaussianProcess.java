package dev.lathe.plugin.baselines.bayes;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * Gaussian-process regression with a constant mean and a Matérn 5/2 kernel with automatic
 * relevance determination (C. E. Rasmussen and C. K. I. Williams, <i>Gaussian Processes for
 * Machine Learning</i>, MIT Press, 2006, equations 2.25&ndash;2.26, 4.17 and 5.8&ndash;5.9):
 *
 * <pre>
 *   k(x, x') = s² (1 + √5 r + 5/3 r²) exp(−√5 r),   r² = Σⱼ dⱼ(x, x') / ℓⱼ²
 * </pre>
 *
 * where {@code dⱼ} is the squared difference of coordinate {@code j}, or 2 for categorical
 * coordinates that differ and 0 for equal ones (see {@link KernelInputs}). Observations carry
 * Gaussian noise of variance {@code σ²}. The hyper-parameters are, in this order,
 * {@code log ℓ₁ … log ℓ_d, log s², log σ², m}.
 *
 * <p>An instance is the posterior given observations and fixed hyper-parameters: the Cholesky
 * factor {@code L} of {@code K + σ² I} (commons-math3's {@link CholeskyDecomposition}, with
 * jitter added to the diagonal should the factorisation fail), {@code α = K⁻¹(y − m)} by its
 * solver and {@code L⁻¹} by {@link MatrixUtils#inverse}. Conditioning costs {@code O(n³)};
 * a prediction {@code O(n d + n²)}. {@link #fit} chooses the hyper-parameters by maximising the
 * log marginal likelihood with {@link ProjectedLbfgs} from several starts, each evaluation
 * costing {@code O(n³ + n² d)} with its analytic gradient.
 */
final class GaussianProcess {

  private static final double SQRT5 = Math.sqrt(5);
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double[] JITTER = {0, 1e-8, 1e-6, 1e-4, 1e-2};

  /** Bounds of one length scale, on the unit cube. */
  static final double MIN_LENGTH = 0.01;
  static final double MAX_LENGTH = 20;
  /** Bounds of the signal variance, on standardised targets. */
  static final double MIN_SIGNAL = 0.05;
  static final double MAX_SIGNAL = 20;
  /** Bounds of the noise variance, on standardised targets. */
  static final double MIN_NOISE = 1e-6;
  static final double MAX_NOISE = 0.5;
  /** Bound of the constant mean's magnitude, on standardised targets. */
  static final double MAX_MEAN = 3;

  private final double[][] inputs;
  private final boolean[] categorical;
  private final double[] theta;
  private final double[] inverseSquaredLength;
  private final double signal;
  private final double mean;
  private final double[][] lowerInverse;
  private final double[] alpha;

  private GaussianProcess(double[][] inputs, boolean[] categorical, double[] theta,
      double[][] lowerInverse, double[] alpha) {
    this.inputs = inputs;
    this.categorical = categorical;
    this.theta = theta;
    int d = categorical.length;
    this.inverseSquaredLength = new double[d];
    for (int j = 0; j < d; j++) {
      inverseSquaredLength[j] = Math.exp(-2 * theta[j]);
    }
    this.signal = Math.exp(theta[d]);
    this.mean = theta[d + 2];
    this.lowerInverse = lowerInverse;
    this.alpha = alpha;
  }

  /** The number of hyper-parameters for {@code d} input coordinates. */
  static int parameterCount(int d) {
    return d + 3;
  }

  /** The hyper-parameters' lower bounds. */
  static double[] lowerBounds(int d) {
    double[] lower = new double[d + 3];
    Arrays.fill(lower, 0, d, Math.log(MIN_LENGTH));
    lower[d] = Math.log(MIN_SIGNAL);
    lower[d + 1] = Math.log(MIN_NOISE);
    lower[d + 2] = -MAX_MEAN;
    return lower;
  }

  /** The hyper-parameters' upper bounds. */
  static double[] upperBounds(int d) {
    double[] upper = new double[d + 3];
    Arrays.fill(upper, 0, d, Math.log(MAX_LENGTH));
    upper[d] = Math.log(MAX_SIGNAL);
    upper[d + 1] = Math.log(MAX_NOISE);
    upper[d + 2] = MAX_MEAN;
    return upper;
  }

  /** The first start of every fit: length scales 0.5, signal 1, noise 1e-3, mean 0. */
  static double[] defaultParameters(int d) {
    double[] theta = new double[d + 3];
    Arrays.fill(theta, 0, d, Math.log(0.5));
    theta[d] = 0;
    theta[d + 1] = Math.log(1e-3);
    theta[d + 2] = 0;
    return theta;
  }

  /**
   * The posterior given {@code targets} at {@code inputs} under hyper-parameters {@code theta}.
   *
   * @throws ArithmeticException if the covariance is not positive definite even with jitter
   */
  static GaussianProcess condition(double[][] inputs, double[] targets, boolean[] categorical,
      double[] theta) {
    Factor f = factor(inputs, targets, categorical, theta);
    double[][] lowerInverse = MatrixUtils.inverse(f.cholesky.getL()).getData();
    return new GaussianProcess(inputs, categorical, theta.clone(), lowerInverse, f.alpha);
  }

  /** The hyper-parameters of this posterior. */
  double[] parameters() {
    return theta.clone();
  }

  /** The number of observations. */
  int size() {
    return inputs.length;
  }

  /** The constant mean. */
  double priorMean() {
    return mean;
  }

  /**
   * The posterior mean and the variance of the latent function (noise excluded) at {@code x}.
   *
   * @param out receives the mean at 0 and the variance at 1
   */
  void predict(double[] x, double[] out) {
    int n = inputs.length;
    double[] k = new double[n];
    double mu = mean;
    for (int i = 0; i < n; i++) {
      k[i] = signal * matern(Math.sqrt(squaredDistance(x, inputs[i])));
      mu += k[i] * alpha[i];
    }
    double quadratic = 0;
    for (int i = 0; i < n; i++) {
      double[] row = lowerInverse[i];
      double v = 0;
      for (int j = 0; j <= i; j++) {
        v += row[j] * k[j];
      }
      quadratic += v * v;
    }
    out[0] = mu;
    out[1] = Math.max(signal - quadratic, 1e-12 * signal);
  }

  /**
   * As {@link #predict}, with the gradients of mean and variance along the coordinates marked
   * {@code continuous} (0 along the others).
   */
  void predict(double[] x, boolean[] continuous, double[] out, double[] meanGradient,
      double[] varianceGradient) {
    int n = inputs.length;
    int d = x.length;
    double[] k = new double[n];
    double[] slope = new double[n];
    double mu = mean;
    for (int i = 0; i < n; i++) {
      double r = Math.sqrt(squaredDistance(x, inputs[i]));
      double e = Math.exp(-SQRT5 * r);
      k[i] = signal * (1 + SQRT5 * r + 5.0 / 3 * r * r) * e;
      slope[i] = -5.0 / 3 * signal * (1 + SQRT5 * r) * e;
      mu += k[i] * alpha[i];
    }
    double[] v = new double[n];
    double quadratic = 0;
    for (int i = 0; i < n; i++) {
      double[] row = lowerInverse[i];
      double s = 0;
      for (int j = 0; j <= i; j++) {
        s += row[j] * k[j];
      }
      v[i] = s;
      quadratic += s * s;
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double vi = v[i];
      double[] row = lowerInverse[i];
      for (int j = 0; j <= i; j++) {
        w[j] += row[j] * vi;
      }
    }
    Arrays.fill(meanGradient, 0);
    Arrays.fill(varianceGradient, 0);
    for (int i = 0; i < n; i++) {
      double a = slope[i] * alpha[i];
      double b = -2 * slope[i] * w[i];
      double[] z = inputs[i];
      for (int j = 0; j < d; j++) {
        if (continuous[j]) {
          double t = (x[j] - z[j]) * inverseSquaredLength[j];
          meanGradient[j] += a * t;
          varianceGradient[j] += b * t;
        }
      }
    }
    out[0] = mu;
    double variance = signal - quadratic;
    if (variance < 1e-12 * signal) {
      variance = 1e-12 * signal;
      Arrays.fill(varianceGradient, 0);
    }
    out[1] = variance;
  }

  /**
   * Fits the hyper-parameters by maximising the log marginal likelihood from the default start,
   * from {@code warmStart} when given, and from random starts until {@code starts} are used.
   *
   * @param warmStart the previous fit's hyper-parameters, or null
   * @param random draws the random starts
   * @return the best hyper-parameters found
   */
  static double[] fit(double[][] inputs, double[] targets, boolean[] categorical,
      double[] warmStart, int starts, RandomGenerator random) {
    int d = categorical.length;
    double[] lower = lowerBounds(d);
    double[] upper = upperBounds(d);
    ProjectedLbfgs lbfgs = new ProjectedLbfgs(10, 60, 1e-5, 1e-9);
    ProjectedLbfgs.Function nll =
        (theta, gradient) -> negativeLogLikelihood(inputs, targets, categorical, theta, gradient);
    double[] best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int s = 0; s < starts; s++) {
      double[] start;
      if (s == 0) {
        start = defaultParameters(d);
      } else if (s == 1 && warmStart != null) {
        start = warmStart;
      } else {
        start = new double[d + 3];
        for (int i = 0; i < start.length; i++) {
          start[i] = lower[i] + random.nextDouble() * (upper[i] - lower[i]);
        }
      }
      ProjectedLbfgs.Result r = lbfgs.minimize(nll, start, lower, upper);
      if (r.value() < bestValue) {
        bestValue = r.value();
        best = r.x();
      }
    }
    return best != null ? best : defaultParameters(d);
  }

  /**
   * The negative log marginal likelihood of {@code targets} under {@code theta}, with its
   * gradient (Rasmussen and Williams, equations 2.30 and 5.9); infinite when the covariance
   * cannot be factorised.
   */
  static double negativeLogLikelihood(double[][] inputs, double[] targets, boolean[] categorical,
      double[] theta, double[] gradient) {
    int n = inputs.length;
    int d = categorical.length;
    Factor f;
    try {
      f = factor(inputs, targets, categorical, theta);
    } catch (ArithmeticException e) {
      Arrays.fill(gradient, 0);
      return Double.POSITIVE_INFINITY;
    }
    double[] alpha = f.alpha;
    double fit = 0;
    for (int i = 0; i < n; i++) {
      fit += (targets[i] - theta[d + 2]) * alpha[i];
    }
    double logDet = 0;
    double[][] l = f.cholesky.getL().getData();
    for (int i = 0; i < n; i++) {
      logDet += Math.log(l[i][i]);
    }
    double value = 0.5 * fit + logDet + 0.5 * n * LOG_2PI;

    double[][] inverse = f.solver.getInverse().getData();
    double signal = Math.exp(theta[d]);
    double noise = Math.exp(theta[d + 1]);
    double[] inverseSquaredLength = new double[d];
    for (int j = 0; j < d; j++) {
      inverseSquaredLength[j] = Math.exp(-2 * theta[j]);
    }
    Arrays.fill(gradient, 0);
    double[] components = new double[d];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b <= a; b++) {
        double weight = inverse[a][b] - alpha[a] * alpha[b];
        if (a != b) {
          weight *= 2;
        } else {
          gradient[d + 1] += 0.5 * weight * noise;
        }
        double r2 = 0;
        for (int j = 0; j < d; j++) {
          components[j] = component(inputs[a][j], inputs[b][j], categorical[j]);
          r2 += components[j] * inverseSquaredLength[j];
        }
        double r = Math.sqrt(r2);
        double e = Math.exp(-SQRT5 * r);
        gradient[d] += 0.5 * weight * signal * (1 + SQRT5 * r + 5.0 / 3 * r2) * e;
        double lengthFactor = 0.5 * weight * 5.0 / 3 * signal * (1 + SQRT5 * r) * e;
        for (int j = 0; j < d; j++) {
          gradient[j] += lengthFactor * components[j] * inverseSquaredLength[j];
        }
      }
    }
    double sumAlpha = 0;
    for (double a : alpha) {
      sumAlpha += a;
    }
    gradient[d + 2] = -sumAlpha;
    return value;
  }

  /** Matérn 5/2 correlation at scaled distance {@code r}. */
  private static double matern(double r) {
    return (1 + SQRT5 * r + 5.0 / 3 * r * r) * Math.exp(-SQRT5 * r);
  }

  private double squaredDistance(double[] x, double[] z) {
    double r2 = 0;
    for (int j = 0; j < x.length; j++) {
      r2 += component(x[j], z[j], categorical[j]) * inverseSquaredLength[j];
    }
    return r2;
  }

  private static double component(double a, double b, boolean categorical) {
    if (categorical) {
      return a == b ? 0 : 2;
    }
    double t = a - b;
    return t * t;
  }

  /** The Cholesky factorisation of {@code K + σ² I} and {@code α}, jittered if need be. */
  private static Factor factor(double[][] inputs, double[] targets, boolean[] categorical,
      double[] theta) {
    int n = inputs.length;
    int d = categorical.length;
    double signal = Math.exp(theta[d]);
    double noise = Math.exp(theta[d + 1]);
    double[] inverseSquaredLength = new double[d];
    for (int j = 0; j < d; j++) {
      inverseSquaredLength[j] = Math.exp(-2 * theta[j]);
    }
    double[][] k = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < a; b++) {
        double r2 = 0;
        for (int j = 0; j < d; j++) {
          r2 += component(inputs[a][j], inputs[b][j], categorical[j]) * inverseSquaredLength[j];
        }
        k[a][b] = signal * matern(Math.sqrt(r2));
        k[b][a] = k[a][b];
      }
    }
    double[] residual = new double[n];
    for (int i = 0; i < n; i++) {
      residual[i] = targets[i] - theta[d + 2];
    }
    for (double jitter : JITTER) {
      for (int i = 0; i < n; i++) {
        k[i][i] = signal + noise + jitter * signal;
      }
      try {
        CholeskyDecomposition cholesky = new CholeskyDecomposition(
            new Array2DRowRealMatrix(k, false),
            CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 1e-12 * signal);
        DecompositionSolver solver = cholesky.getSolver();
        double[] alpha = solver.solve(new ArrayRealVector(residual, false)).toArray();
        return new Factor(cholesky, solver, alpha);
      } catch (NonPositiveDefiniteMatrixException e) {
        // more jitter
      }
    }
    throw new ArithmeticException("the Gaussian process's covariance of " + n
        + " points is not positive definite even with jitter " + JITTER[JITTER.length - 1]);
  }

  private record Factor(CholeskyDecomposition cholesky, DecompositionSolver solver,
      double[] alpha) {}
}
