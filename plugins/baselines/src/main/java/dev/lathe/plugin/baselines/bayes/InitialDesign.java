package dev.lathe.plugin.baselines.bayes;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The space-filling points that {@code gp-ei} evaluates before its surrogate takes over, as a
 * function of the point's index, so that any prefix of the design is reproducible from the seed.
 *
 * <ul>
 *   <li>{@link Kind#SOBOL}: the Sobol sequence (I. M. Sobol', 1967; direction numbers of S. Joe
 *       and F. Y. Kuo, 2008, as commons-math3's {@link SobolSequenceGenerator} ships them) with a
 *       random digital shift: every coordinate's 52 bits are XOR-ed with a random mask drawn
 *       from the seed, which keeps the sequence's net property (J. Matoušek, "On the
 *       L2-discrepancy for anchored boxes", J. Complexity 14, 1998) and moves its first point
 *       off the origin. At most 1000 dimensions; {@code O(d)} per point.</li>
 *   <li>{@link Kind#LHS}: a Latin hypercube of the design's size (M. D. McKay, R. J. Beckman,
 *       W. J. Conover, Technometrics 21(2), 1979): one random permutation of the strata per
 *       dimension and a uniform point within each stratum. Indices past its size draw uniform
 *       points.</li>
 * </ul>
 */
final class InitialDesign {

  /** The designs on offer. */
  enum Kind {
    SOBOL, LHS;

    /** The design named {@code name} in settings: {@code sobol} or {@code lhs}. */
    static Kind of(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  /** The most dimensions that commons-math3's Sobol direction numbers cover. */
  static final int MAX_SOBOL_DIMENSIONS = 1000;

  private static final double SCALE = 0x1p52;
  private static final long MASK = (1L << 52) - 1;

  private final Kind kind;
  private final int dimensions;
  private final SobolSequenceGenerator sobol;
  private final long[] shift;
  private final double[][] hypercube;

  /**
   * A design.
   *
   * @param kind which design
   * @param dimensions the number of coordinates, at least 1
   * @param size the number of points a Latin hypercube stratifies
   * @param random draws the shift or the hypercube
   * @throws IllegalArgumentException for a Sobol design of more than 1000 dimensions
   */
  InitialDesign(Kind kind, int dimensions, int size, RandomGenerator random) {
    this.kind = kind;
    this.dimensions = dimensions;
    if (kind == Kind.SOBOL) {
      if (dimensions > MAX_SOBOL_DIMENSIONS) {
        throw new IllegalArgumentException("a Sobol design covers at most "
            + MAX_SOBOL_DIMENSIONS + " dimensions, the space has " + dimensions
            + "; set initial_design: lhs");
      }
      sobol = new SobolSequenceGenerator(dimensions);
      shift = new long[dimensions];
      for (int j = 0; j < dimensions; j++) {
        shift[j] = random.nextLong() & MASK;
      }
      hypercube = null;
    } else {
      sobol = null;
      shift = null;
      hypercube = new double[size][dimensions];
      for (int j = 0; j < dimensions; j++) {
        int[] strata = new int[size];
        for (int i = 0; i < size; i++) {
          strata[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
          int k = random.nextInt(i + 1);
          int t = strata[i];
          strata[i] = strata[k];
          strata[k] = t;
        }
        for (int i = 0; i < size; i++) {
          hypercube[i][j] = (strata[i] + random.nextDouble()) / size;
        }
      }
    }
  }

  /**
   * Point number {@code index} of the design, in the unit cube.
   *
   * @param random draws the point when the design has no point of that index
   */
  double[] point(long index, RandomGenerator random) {
    if (kind == Kind.SOBOL && index <= Integer.MAX_VALUE) {
      double[] x = sobol.skipTo((int) index);
      for (int j = 0; j < x.length; j++) {
        x[j] = (((long) (x[j] * SCALE)) ^ shift[j]) / SCALE;
      }
      return x;
    }
    if (kind == Kind.LHS && index < hypercube.length) {
      return hypercube[(int) index].clone();
    }
    double[] x = new double[dimensions];
    for (int j = 0; j < dimensions; j++) {
      x[j] = random.nextDouble();
    }
    return x;
  }
}
