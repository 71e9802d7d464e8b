package dev.lathe.plugin.baselines.bayes;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A bounded quasi-Newton minimiser: limited-memory BFGS whose steps are projected onto a box,
 * with the variables held at a bound by their gradient left out of the quasi-Newton direction.
 *
 * <p>It is the projected variant of L-BFGS-B (R. H. Byrd, P. Lu, J. Nocedal, C. Zhu, "A limited
 * memory algorithm for bound constrained optimization", SIAM J. Sci. Comput. 16(5), 1995) that
 * D. Kim, S. Sra and I. S. Dhillon analyse ("Tackling box-constrained optimization via a new
 * projected quasi-Newton approach", SIAM J. Sci. Comput. 32(6), 2010): the two-loop recursion of
 * J. Nocedal ("Updating quasi-Newton matrices with limited storage", Math. Comp. 35, 1980) gives
 * a direction over the free variables, and a backtracking search along the projected path
 * accepts the first step with Armijo's sufficient decrease. A direction that does not descend
 * resets the memory to steepest descent. Each iteration costs one or more function evaluations
 * plus {@code O(m n)} for {@code n} variables and memory {@code m}.
 */
final class ProjectedLbfgs {

  /** A function with its gradient. */
  @FunctionalInterface
  interface Function {
    /**
     * The value at {@code x}; writes the gradient into {@code gradient}.
     *
     * @param x the point, not to be changed
     * @param gradient where the gradient goes, as long as {@code x}
     */
    double valueAndGradient(double[] x, double[] gradient);
  }

  /**
   * Where a minimisation ended.
   *
   * @param x the best point found
   * @param value the function's value there
   * @param evaluations how many times the function was evaluated
   */
  record Result(double[] x, double value, int evaluations) {}

  private static final double ARMIJO = 1e-4;
  private static final int MAX_HALVINGS = 40;

  private final int memory;
  private final int maxIterations;
  private final double gradientTolerance;
  private final double relativeTolerance;

  /**
   * A minimiser.
   *
   * @param memory how many correction pairs the quasi-Newton matrix keeps, at least 1
   * @param maxIterations the most iterations
   * @param gradientTolerance stop when no component of the projected gradient step exceeds it
   * @param relativeTolerance stop when an iteration lowers the value by less than this fraction
   */
  ProjectedLbfgs(int memory, int maxIterations, double gradientTolerance,
      double relativeTolerance) {
    this.memory = memory;
    this.maxIterations = maxIterations;
    this.gradientTolerance = gradientTolerance;
    this.relativeTolerance = relativeTolerance;
  }

  /**
   * Minimises {@code f} over the box {@code [lower, upper]} from {@code start} (projected into
   * the box first). A non-finite value counts as worse than any finite one.
   */
  Result minimize(Function f, double[] start, double[] lower, double[] upper) {
    int n = start.length;
    double[] x = project(start, lower, upper);
    double[] g = new double[n];
    double fx = f.valueAndGradient(x, g);
    int evaluations = 1;
    if (!Double.isFinite(fx)) {
      return new Result(x, fx, evaluations);
    }
    Deque<double[][]> pairs = new ArrayDeque<>();
    double[] next = new double[n];
    double[] nextGradient = new double[n];
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      if (projectedStep(x, g, lower, upper) <= gradientTolerance) {
        break;
      }
      boolean[] free = free(x, g, lower, upper);
      double[] d = direction(g, free, pairs);
      double slope = dot(g, d);
      if (!(slope < 0)) {
        pairs.clear();
        d = direction(g, free, pairs);
        slope = dot(g, d);
        if (!(slope < 0)) {
          break;
        }
      }
      double step = pairs.isEmpty() ? Math.min(1, 1 / maxAbs(d)) : 1;
      double fn = Double.NaN;
      boolean accepted = false;
      for (int h = 0; h < MAX_HALVINGS && !accepted; h++, step *= 0.5) {
        for (int i = 0; i < n; i++) {
          next[i] = Math.min(upper[i], Math.max(lower[i], x[i] + step * d[i]));
        }
        double decrease = 0;
        for (int i = 0; i < n; i++) {
          decrease += g[i] * (next[i] - x[i]);
        }
        if (!(decrease < 0)) {
          continue;
        }
        fn = f.valueAndGradient(next, nextGradient);
        evaluations++;
        accepted = Double.isFinite(fn) && fn <= fx + ARMIJO * decrease;
      }
      if (!accepted) {
        if (pairs.isEmpty()) {
          break;
        }
        pairs.clear();
        continue;
      }
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = next[i] - x[i];
        y[i] = nextGradient[i] - g[i];
      }
      double sy = dot(s, y);
      if (sy > 1e-12 * dot(y, y)) {
        if (pairs.size() == memory) {
          pairs.removeFirst();
        }
        pairs.addLast(new double[][] {s, y, {1 / sy}});
      }
      double previous = fx;
      System.arraycopy(next, 0, x, 0, n);
      System.arraycopy(nextGradient, 0, g, 0, n);
      fx = fn;
      if (previous - fx <= relativeTolerance * Math.max(1, Math.max(Math.abs(previous),
          Math.abs(fx)))) {
        break;
      }
    }
    return new Result(x, fx, evaluations);
  }

  /** {@code x} clamped into the box, as a new array. */
  static double[] project(double[] x, double[] lower, double[] upper) {
    double[] p = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      p[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
    }
    return p;
  }

  /** The largest component of the projected gradient step {@code P(x - g) - x}. */
  private static double projectedStep(double[] x, double[] g, double[] lower, double[] upper) {
    double largest = 0;
    for (int i = 0; i < x.length; i++) {
      double moved = Math.min(upper[i], Math.max(lower[i], x[i] - g[i])) - x[i];
      largest = Math.max(largest, Math.abs(moved));
    }
    return largest;
  }

  /** The variables not held at a bound by their gradient. */
  private static boolean[] free(double[] x, double[] g, double[] lower, double[] upper) {
    boolean[] free = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
    }
    return free;
  }

  /** The quasi-Newton direction {@code -H g} over the free variables (two-loop recursion). */
  private static double[] direction(double[] g, boolean[] free, Deque<double[][]> pairs) {
    int n = g.length;
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = free[i] ? g[i] : 0;
    }
    double[] alpha = new double[pairs.size()];
    int k = pairs.size();
    var newestFirst = pairs.descendingIterator();
    while (newestFirst.hasNext()) {
      double[][] pair = newestFirst.next();
      k--;
      alpha[k] = pair[2][0] * dot(pair[0], q);
      axpy(-alpha[k], pair[1], q);
    }
    if (!pairs.isEmpty()) {
      double[][] newest = pairs.getLast();
      double gamma = 1 / (newest[2][0] * dot(newest[1], newest[1]));
      for (int i = 0; i < n; i++) {
        q[i] *= gamma;
      }
    }
    k = 0;
    for (double[][] pair : pairs) {
      double beta = pair[2][0] * dot(pair[1], q);
      axpy(alpha[k] - beta, pair[0], q);
      k++;
    }
    for (int i = 0; i < n; i++) {
      q[i] = free[i] ? -q[i] : 0;
    }
    return q;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double maxAbs(double[] v) {
    return Arrays.stream(v).map(Math::abs).max().orElse(0);
  }
}
