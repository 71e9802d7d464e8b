package dev.lathe.api.sparse;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Random sparse matrices with integer values from 1 to 9 (so that products compare exactly), each
 * a pure function of its parameters and seed: the SpArch reproduction's synthetic inputs and the
 * SpGEMM benchmark's.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MatrixGenerators {

  private MatrixGenerators() {}

  /**
   * An {@code n × n} matrix whose entries fall uniformly: {@code n × degree} draws of a position,
   * duplicates merged (a draw that hits a stored position adds to it), so rows hold about
   * {@code degree} entries each, binomially spread.
   *
   * @throws IllegalArgumentException if {@code n < 1} or {@code degree} is not in {@code 1..n}
   */
  public static SparseMatrix uniform(int n, int degree, long seed) {
    if (n < 1 || degree < 1 || degree > n) {
      throw new IllegalArgumentException("a uniform matrix needs n >= 1 and 1 <= degree <= n,"
          + " got n = " + n + ", degree = " + degree);
    }
    SplittableRandom random = new SplittableRandom(seed);
    SparseMatrix.Builder b = SparseMatrix.builder(n, n);
    long draws = (long) n * degree;
    for (long i = 0; i < draws; i++) {
      b.add(random.nextInt(n), random.nextInt(n), 1 + random.nextInt(9));
    }
    return b.build();
  }

  /**
   * A power-law matrix by the R-MAT generator (Chakrabarti, Zhan and Faloutsos, SDM 2004):
   * {@code 2^scale} rows and columns, {@code edgeFactor × 2^scale} edges, each placed by descending
   * {@code scale} times into one of four quadrants with probabilities {@code a, b, c} and
   * {@code 1 − a − b − c}; duplicates merged. The Graph500 parameters (0.57, 0.19, 0.19) give the
   * skewed degrees of web and social graphs.
   *
   * @throws IllegalArgumentException if {@code scale} is not in 1..30, {@code edgeFactor < 1} or
   *     the probabilities are not a distribution
   */
  public static SparseMatrix rmat(int scale, int edgeFactor, double a, double b, double c,
      long seed) {
    if (scale < 1 || scale > 30 || edgeFactor < 1) {
      throw new IllegalArgumentException("R-MAT needs a scale in 1..30 and an edge factor >= 1,"
          + " got " + scale + " and " + edgeFactor);
    }
    if (!(a >= 0 && b >= 0 && c >= 0 && a + b + c <= 1)) {
      throw new IllegalArgumentException("R-MAT probabilities " + a + ", " + b + ", " + c
          + " are not a distribution");
    }
    int n = 1 << scale;
    SplittableRandom random = new SplittableRandom(seed);
    SparseMatrix.Builder builder = SparseMatrix.builder(n, n);
    long edges = (long) edgeFactor * n;
    for (long e = 0; e < edges; e++) {
      int row = 0;
      int column = 0;
      for (int bit = scale - 1; bit >= 0; bit--) {
        double u = random.nextDouble();
        if (u >= a + b + c) {
          row |= 1 << bit;
          column |= 1 << bit;
        } else if (u >= a + b) {
          row |= 1 << bit;
        } else if (u >= a) {
          column |= 1 << bit;
        }
      }
      builder.add(row, column, 1 + random.nextInt(9));
    }
    return builder.build();
  }

  /** R-MAT with the Graph500 probabilities (0.57, 0.19, 0.19, 0.05). */
  public static SparseMatrix rmat(int scale, int edgeFactor, long seed) {
    return rmat(scale, edgeFactor, 0.57, 0.19, 0.19, seed);
  }
}
