package dev.lathe.plugin.baselines.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

  private static final boolean[] MIXED = {false, false, true};

  /** 12 points: two real coordinates and a categorical one of three choices. */
  private static double[][] inputs(SplittableRandom random, int n) {
    double[][] z = new double[n][];
    for (int i = 0; i < n; i++) {
      z[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextInt(3)};
    }
    return z;
  }

  private static double[] targets(double[][] z) {
    double[] y = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      y[i] = Math.sin(6 * z[i][0]) + 0.5 * z[i][1] + (z[i][2] == 1 ? 0.7 : 0);
    }
    return y;
  }

  @Test
  void likelihoodGradientMatchesFiniteDifferences() {
    SplittableRandom random = new SplittableRandom(1);
    double[][] z = inputs(random, 12);
    double[] y = targets(z);
    double[] theta = {Math.log(0.4), Math.log(0.9), Math.log(1.3), Math.log(1.5),
        Math.log(0.01), 0.2};
    double[] gradient = new double[theta.length];
    GaussianProcess.negativeLogLikelihood(z, y, MIXED, theta, gradient);
    double h = 1e-6;
    for (int k = 0; k < theta.length; k++) {
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[k] += h;
      down[k] -= h;
      double[] ignored = new double[theta.length];
      double numeric = (GaussianProcess.negativeLogLikelihood(z, y, MIXED, up, ignored)
          - GaussianProcess.negativeLogLikelihood(z, y, MIXED, down, ignored)) / (2 * h);
      assertEquals(numeric, gradient[k], 1e-5 * Math.max(1, Math.abs(numeric)),
          "hyper-parameter " + k);
    }
  }

  @Test
  void predictionGradientsMatchFiniteDifferencesAlongRealCoordinates() {
    SplittableRandom random = new SplittableRandom(2);
    double[][] z = inputs(random, 10);
    double[] theta = {Math.log(0.3), Math.log(0.6), Math.log(1.0), 0, Math.log(1e-4), 0};
    GaussianProcess gp = GaussianProcess.condition(z, targets(z), MIXED, theta);
    double[] x = {0.37, 0.61, 1};
    boolean[] continuous = {true, true, false};
    double[] out = new double[2];
    double[] meanGradient = new double[3];
    double[] varianceGradient = new double[3];
    gp.predict(x, continuous, out, meanGradient, varianceGradient);
    double[] plain = new double[2];
    gp.predict(x, plain);
    assertEquals(plain[0], out[0], 1e-12);
    assertEquals(plain[1], out[1], 1e-12);
    double h = 1e-6;
    for (int j = 0; j < 2; j++) {
      double[] up = x.clone();
      double[] down = x.clone();
      up[j] += h;
      down[j] -= h;
      double[] a = new double[2];
      double[] b = new double[2];
      gp.predict(up, a);
      gp.predict(down, b);
      assertEquals((a[0] - b[0]) / (2 * h), meanGradient[j], 1e-6, "mean, coordinate " + j);
      assertEquals((a[1] - b[1]) / (2 * h), varianceGradient[j], 1e-6,
          "variance, coordinate " + j);
    }
    assertEquals(0, meanGradient[2]);
    assertEquals(0, varianceGradient[2]);
  }

  @Test
  void posteriorInterpolatesNoiselessDataAndRevertsToThePriorFarAway() {
    double[][] z = {{0.1}, {0.4}, {0.8}};
    double[] y = {1, -1, 0.5};
    double[] theta = {Math.log(0.2), Math.log(2), Math.log(1e-6), 0.3};
    GaussianProcess gp = GaussianProcess.condition(z, y, new boolean[1], theta);
    double[] out = new double[2];
    for (int i = 0; i < 3; i++) {
      gp.predict(z[i], out);
      assertEquals(y[i], out[0], 1e-4, "mean at observation " + i);
      assertTrue(out[1] < 1e-5, "variance at observation " + i + ": " + out[1]);
    }
    gp.predict(new double[] {50}, out);
    assertEquals(0.3, out[0], 1e-9, "the constant mean far away");
    assertEquals(2, out[1], 1e-9, "the signal variance far away");
  }

  @Test
  void maximumLikelihoodFindsTheIrrelevantCoordinateAndPredictsHeldOutPoints() {
    SplittableRandom random = new SplittableRandom(3);
    double[][] z = new double[30][];
    double[] y = new double[30];
    for (int i = 0; i < z.length; i++) {
      z[i] = new double[] {random.nextDouble(), random.nextDouble()};
      y[i] = Math.sin(6 * z[i][0]);
    }
    boolean[] reals = new boolean[2];
    double[] theta = GaussianProcess.fit(z, y, reals, null, 3, new SplittableRandom(4));
    double relevant = Math.exp(theta[0]);
    double irrelevant = Math.exp(theta[1]);
    assertTrue(irrelevant > 5 * relevant, "length scales " + relevant + ", " + irrelevant);
    GaussianProcess gp = GaussianProcess.condition(z, y, reals, theta);
    double[] out = new double[2];
    double squares = 0;
    for (int i = 0; i < 100; i++) {
      double[] x = {random.nextDouble(), random.nextDouble()};
      gp.predict(x, out);
      squares += (out[0] - Math.sin(6 * x[0])) * (out[0] - Math.sin(6 * x[0]));
    }
    double rootMeanSquare = Math.sqrt(squares / 100);
    assertTrue(rootMeanSquare < 0.05, "root mean square error on held-out points "
        + rootMeanSquare + ", length scales " + relevant + ", " + irrelevant);
    double[] start = GaussianProcess.defaultParameters(2);
    assertTrue(GaussianProcess.negativeLogLikelihood(z, y, reals, theta, new double[5])
        < GaussianProcess.negativeLogLikelihood(z, y, reals, start, new double[5]),
        "the fit improves on its default start");
  }

  @Test
  void duplicatePointsAreFactorisedWithJitter() {
    double[][] z = {{0.5}, {0.5}, {0.5}};
    double[] theta = {0, 0, Math.log(GaussianProcess.MIN_NOISE), 0};
    GaussianProcess gp = GaussianProcess.condition(z, new double[] {1, 1, 1}, new boolean[1],
        theta);
    double[] out = new double[2];
    gp.predict(new double[] {0.5}, out);
    assertEquals(1, out[0], 1e-3);
    assertEquals(3, gp.size());
  }
}
