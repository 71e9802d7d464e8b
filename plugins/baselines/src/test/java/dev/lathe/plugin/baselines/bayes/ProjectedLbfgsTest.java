package dev.lathe.plugin.baselines.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProjectedLbfgsTest {

  private final ProjectedLbfgs lbfgs = new ProjectedLbfgs(10, 500, 1e-10, 0);

  /** Rosenbrock's function {@code 100 (y − x²)² + (1 − x)²}, minimum 0 at (1, 1). */
  private static double rosenbrock(double[] p, double[] g) {
    double x = p[0];
    double y = p[1];
    g[0] = -400 * x * (y - x * x) - 2 * (1 - x);
    g[1] = 200 * (y - x * x);
    return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x);
  }

  @Test
  void findsTheUnconstrainedMinimumOfRosenbrockInsideTheBox() {
    ProjectedLbfgs.Result r = lbfgs.minimize(ProjectedLbfgsTest::rosenbrock,
        new double[] {-1.2, 1}, new double[] {-2, -2}, new double[] {2, 2});
    assertArrayEquals(new double[] {1, 1}, r.x(), 1e-5);
    assertTrue(r.value() < 1e-10, "value " + r.value());
  }

  @Test
  void stopsAtTheBoundWhenTheMinimumLiesOutside() {
    // min of Rosenbrock with x <= 0.5: on the bound x = 0.5, where y = x^2 = 0.25
    ProjectedLbfgs.Result r = lbfgs.minimize(ProjectedLbfgsTest::rosenbrock,
        new double[] {-1.2, 1}, new double[] {-2, -2}, new double[] {0.5, 2});
    assertEquals(0.5, r.x()[0], 0);
    assertEquals(0.25, r.x()[1], 1e-6);
    assertEquals(0.25, r.value(), 1e-9);
  }

  @Test
  void solvesABoundedQuadraticWithSeveralActiveBounds() {
    // sum (x_i - c_i)^2 with c = (-1, 0.3, 2, 0.7) over [0, 1]^4: clamp(c) = (0, 0.3, 1, 0.7)
    double[] c = {-1, 0.3, 2, 0.7};
    ProjectedLbfgs.Result r = lbfgs.minimize((x, g) -> {
      double v = 0;
      for (int i = 0; i < x.length; i++) {
        g[i] = 2 * (x[i] - c[i]);
        v += (x[i] - c[i]) * (x[i] - c[i]);
      }
      return v;
    }, new double[] {0.5, 0.5, 0.5, 0.5}, new double[4], new double[] {1, 1, 1, 1});
    assertArrayEquals(new double[] {0, 0.3, 1, 0.7}, r.x(), 1e-9);
    assertEquals(2, r.value(), 1e-9);
    assertTrue(r.evaluations() < 20, r.evaluations() + " evaluations");
  }

  @Test
  void projectsTheStartIntoTheBoxAndStaysInside() {
    double[] lower = {0, 0};
    double[] upper = {1, 1};
    ProjectedLbfgs.Result r = lbfgs.minimize(ProjectedLbfgsTest::rosenbrock,
        new double[] {5, -5}, lower, upper);
    for (int i = 0; i < 2; i++) {
      assertTrue(r.x()[i] >= lower[i] && r.x()[i] <= upper[i], "coordinate " + i);
    }
    assertArrayEquals(new double[] {1, 1}, r.x(), 1e-5);
  }

  @Test
  void aNonFiniteStartEndsAtOnce() {
    ProjectedLbfgs.Result r = lbfgs.minimize((x, g) -> Double.POSITIVE_INFINITY,
        new double[] {0.5}, new double[] {0}, new double[] {1});
    assertEquals(1, r.evaluations());
  }
}
