package dev.lathe.plugin.baselines.reproduce;

import dev.lathe.api.metric.Origin;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.ClaimResult.Verdict;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.plugin.baselines.problems.Branin;
import dev.lathe.plugin.baselines.problems.Hartmann6;
import dev.lathe.plugin.baselines.problems.Zdt1;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Checks the test problems of this plugin against the figures of the literature: Branin's and
 * Hartmann-6's published minima at their published minimisers, that nothing on a grid or in a
 * random sample lies below them, and that ZDT1's points with {@code g = 1} lie on and are not
 * dominated off its Pareto front. Exact evaluations are reported as {@link Origin#ANALYTIC},
 * statistics of random samples as {@link Origin#MEASURED}; every random draw comes from the
 * reproduction's seed, so each result is repeatable.
 */
final class BaselinesReproduction implements Reproduction {

  static final String ID = "baselines";

  private static final String DIXON_SZEGO =
      "Dixon & Szegő 1978, Towards Global Optimisation 2; six-figure values as tabulated in"
          + " Surjanovic & Bingham, Virtual Library of Simulation Experiments";
  private static final String ZITZLER_DEB_THIELE =
      "Zitzler, Deb & Thiele 2000, Evolutionary Computation 8(2), test function T1 (ZDT1)";

  static final Claim BRANIN_MINIMISERS = new Claim("branin-minimisers",
      "Branin's value at each of its three global minimisers (-pi, 12.275), (pi, 2.275) and"
          + " (9.42478, 2.475) is 0.397887",
      "0.397887", DIXON_SZEGO);
  static final Claim BRANIN_GRID = new Claim("branin-grid",
      "No point of a fine regular grid over Branin's domain [-5, 10] x [0, 15] has a value below"
          + " the global minimum 0.397887",
      "minimum 0.397887", DIXON_SZEGO);
  static final Claim HARTMANN6_MINIMISER = new Claim("hartmann6-minimiser",
      "Hartmann-6's value at its global minimiser (0.20169, 0.150011, 0.476874, 0.275332,"
          + " 0.311652, 0.6573) is -3.32237",
      "-3.32237", DIXON_SZEGO);
  static final Claim HARTMANN6_RANDOM = new Claim("hartmann6-random",
      "No uniformly random point of [0, 1]^6 has a Hartmann-6 value below the global minimum"
          + " -3.32237",
      "minimum -3.32237", DIXON_SZEGO);
  static final Claim ZDT1_FRONT = new Claim("zdt1-front",
      "ZDT1's points with x2 = ... = xn = 0 lie on the Pareto front f2 = 1 - sqrt(f1)",
      "f2 = 1 - sqrt(f1)", ZITZLER_DEB_THIELE);
  static final Claim ZDT1_NONDOMINATED = new Claim("zdt1-nondominated",
      "No random point of ZDT1's domain dominates a point with x2 = ... = xn = 0",
      "Pareto-optimal where g = 1", ZITZLER_DEB_THIELE);

  private static final List<Claim> CLAIMS = List.of(BRANIN_MINIMISERS, BRANIN_GRID,
      HARTMANN6_MINIMISER, HARTMANN6_RANDOM, ZDT1_FRONT, ZDT1_NONDOMINATED);

  /** Branin's minimum and Hartmann-6's minimiser are checked to these absolute tolerances. */
  private static final double BRANIN_TOLERANCE = 1e-6;
  private static final double HARTMANN6_TOLERANCE = 1e-5;
  /**
   * Half a unit in the last printed digit: a value may lie this far below a rounded published
   * minimum without contradicting it.
   */
  private static final double BRANIN_ROUNDING = 5e-7;
  private static final double HARTMANN6_ROUNDING = 5e-6;
  /** ZDT1's front holds exactly in double precision; this allows for a last-bit difference. */
  private static final double FRONT_TOLERANCE = 1e-12;

  private final Zdt1 zdt1;
  private final long seed;

  /**
   * A reproduction whose ZDT1 claims use {@code zdt1}, and whose random samples are drawn from
   * {@code seed}.
   */
  BaselinesReproduction(Zdt1 zdt1, long seed) {
    this.zdt1 = zdt1;
    this.seed = seed;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Claim> claims() {
    return CLAIMS;
  }

  /**
   * Checks one claim; the full mode uses finer grids and larger samples than the quick one.
   *
   * @throws IllegalArgumentException if {@code claim} is not one of {@link #claims()}
   */
  @Override
  public ClaimResult check(Claim claim, Mode mode) {
    boolean full = mode == Mode.FULL;
    return switch (claim.id()) {
      case "branin-minimisers" -> braninMinimisers();
      case "branin-grid" -> braninGrid(full ? 6001 : 1501);
      case "hartmann6-minimiser" -> hartmann6Minimiser();
      case "hartmann6-random" -> hartmann6Random(full ? 1_000_000 : 100_000);
      case "zdt1-front" -> zdt1Front(full ? 1001 : 101);
      case "zdt1-nondominated" -> zdt1NonDominated(full ? 1001 : 101, full ? 100_000 : 10_000);
      default -> throw new IllegalArgumentException("reproduction '" + ID + "' has no claim '"
          + claim.id() + "'; its claims are " + CLAIMS.stream().map(Claim::id).toList());
    };
  }

  private static ClaimResult braninMinimisers() {
    StringBuilder measured = new StringBuilder();
    double worst = 0;
    for (List<Double> x : Branin.PUBLISHED_MINIMISERS) {
      double value = Branin.value(x.get(0), x.get(1));
      worst = Math.max(worst, Math.abs(value - Branin.PUBLISHED_MINIMUM));
      measured.append(measured.length() == 0 ? "" : ", ").append(format("%.9f", value));
    }
    return new ClaimResult(BRANIN_MINIMISERS, measured.toString(),
        worst <= BRANIN_TOLERANCE ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, Origin.ANALYTIC,
        format("evaluated in double precision at the published minimisers; largest difference"
            + " from 0.397887 is %.2e (tolerance %.0e); the exact minimum is 5/(4 pi) = %.9f",
            worst, BRANIN_TOLERANCE, 5 / (4 * Math.PI)));
  }

  private static ClaimResult braninGrid(int pointsPerAxis) {
    double best = Double.POSITIVE_INFINITY;
    double bestX1 = Double.NaN;
    double bestX2 = Double.NaN;
    for (int i = 0; i < pointsPerAxis; i++) {
      double x1 = -5 + 15.0 * i / (pointsPerAxis - 1);
      for (int j = 0; j < pointsPerAxis; j++) {
        double x2 = 15.0 * j / (pointsPerAxis - 1);
        double value = Branin.value(x1, x2);
        if (value < best) {
          best = value;
          bestX1 = x1;
          bestX2 = x2;
        }
      }
    }
    boolean holds = best >= Branin.PUBLISHED_MINIMUM - BRANIN_ROUNDING;
    return new ClaimResult(BRANIN_GRID,
        format("minimum %.9f at (%.4f, %.4f)", best, bestX1, bestX2),
        holds ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, Origin.ANALYTIC,
        format("%d x %d grid, step %.4f in both axes, every point evaluated exactly; a value"
            + " may lie %.0e below the six-decimal figure for rounding",
            pointsPerAxis, pointsPerAxis, 15.0 / (pointsPerAxis - 1), BRANIN_ROUNDING));
  }

  private static ClaimResult hartmann6Minimiser() {
    double[] x = Hartmann6.PUBLISHED_MINIMISER.stream().mapToDouble(Double::doubleValue)
        .toArray();
    double value = Hartmann6.value(x);
    double difference = Math.abs(value - Hartmann6.PUBLISHED_MINIMUM);
    return new ClaimResult(HARTMANN6_MINIMISER, format("%.9f", value),
        difference <= HARTMANN6_TOLERANCE ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED,
        Origin.ANALYTIC,
        format("evaluated in double precision at the published minimiser; difference from"
            + " -3.32237 is %.2e (tolerance %.0e)", difference, HARTMANN6_TOLERANCE));
  }

  private ClaimResult hartmann6Random(int samples) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[6];
    double best = Double.POSITIVE_INFINITY;
    for (int s = 0; s < samples; s++) {
      for (int j = 0; j < x.length; j++) {
        x[j] = random.nextDouble();
      }
      best = Math.min(best, Hartmann6.value(x));
    }
    boolean holds = best >= Hartmann6.PUBLISHED_MINIMUM - HARTMANN6_ROUNDING;
    return new ClaimResult(HARTMANN6_RANDOM,
        format("minimum %.6f over %d points", best, samples),
        holds ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, Origin.MEASURED,
        format("%d points uniform on [0, 1]^6 from seed %d; a value may lie %.0e below the"
            + " five-decimal figure for rounding", samples, seed, HARTMANN6_ROUNDING));
  }

  private ClaimResult zdt1Front(int points) {
    double worst = 0;
    for (double[] f : frontPoints(points)) {
      worst = Math.max(worst, Math.abs(f[1] - Zdt1.paretoFront(f[0])));
    }
    return new ClaimResult(ZDT1_FRONT,
        format("max |f2 - (1 - sqrt(f1))| = %.1e over %d points", worst, points),
        worst <= FRONT_TOLERANCE ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, Origin.ANALYTIC,
        format("n = %d, x1 = 0, 1/%d, ..., 1 and x2 = ... = xn = 0, evaluated in double"
            + " precision (tolerance %.0e)", zdt1.domain().size(), points - 1, FRONT_TOLERANCE));
  }

  private ClaimResult zdt1NonDominated(int points, int samples) {
    double[][] front = frontPoints(points);
    SplittableRandom random = new SplittableRandom(seed);
    int n = zdt1.domain().size();
    double[] x = new double[n];
    boolean[] dominated = new boolean[points];
    double closest = Double.POSITIVE_INFINITY;
    for (int s = 0; s < samples; s++) {
      double tailScale = s % 2 == 0 ? 1 : Math.pow(10, -6 * random.nextDouble());
      x[0] = random.nextDouble();
      for (int i = 1; i < n; i++) {
        x[i] = tailScale * random.nextDouble();
      }
      double[] f = zdt1.values(x);
      closest = Math.min(closest, f[1] - Zdt1.paretoFront(f[0]));
      for (int p = 0; p < points; p++) {
        dominated[p] |= dominates(f, front[p]);
      }
    }
    int count = 0;
    for (boolean d : dominated) {
      count += d ? 1 : 0;
    }
    return new ClaimResult(ZDT1_NONDOMINATED,
        format("%d of %d front points dominated by %d samples", count, points, samples),
        count == 0 ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, Origin.MEASURED,
        format("n = %d, seed %d; half the samples uniform on [0, 1]^n, half with x2 ... xn"
            + " uniform on [0, 10^-u], u uniform on [0, 6], to come near the front; the"
            + " closest sample lies %.2e above f2 = 1 - sqrt(f1)", n, seed, closest));
  }

  /** ZDT1 at {@code x1 = k / (points - 1)}, {@code x2 = … = xn = 0}, for every {@code k}. */
  private double[][] frontPoints(int points) {
    double[][] front = new double[points][];
    double[] x = new double[zdt1.domain().size()];
    for (int k = 0; k < points; k++) {
      x[0] = (double) k / (points - 1);
      front[k] = zdt1.values(x);
    }
    return front;
  }

  /** Whether {@code a} Pareto-dominates {@code b} when minimising both objectives. */
  private static boolean dominates(double[] a, double[] b) {
    return a[0] <= b[0] && a[1] <= b[1] && (a[0] < b[0] || a[1] < b[1]);
  }

  private static String format(String pattern, Object... arguments) {
    return String.format(Locale.ROOT, pattern, arguments);
  }
}
