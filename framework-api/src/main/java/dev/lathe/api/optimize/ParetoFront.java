package dev.lathe.api.optimize;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * Pareto dominance over loss vectors: the non-dominated subset of a set of points, their fast
 * non-dominated sorting into ranks, and the exact hypervolume of a two-objective front.
 *
 * <p>Every point is a loss vector in which lower is better in each component; callers convert
 * metrics with {@link Objective#loss}. A point {@code a} dominates {@code b} when it is no worse
 * in every component and strictly better in at least one. Equal points do not dominate each
 * other, so duplicates of a non-dominated point are all non-dominated. Points are given as an
 * array of equally long vectors and are identified by their index in it; NaN components are
 * refused.
 *
 * <p>Sources and costs, for {@code N} points of {@code M} objectives:
 * <ul>
 *   <li>{@link #nonDominated}: sort-filter-skyline (J. Chomicki, P. Godfrey, J. Gryz, D. Liang,
 *       "Skyline with presorting", ICDE 2003) with the lexicographic order as presort, which
 *       places every point after all points that dominate it: {@code O(M N log N)} to sort plus
 *       {@code O(M N F)} to filter, where {@code F} is the size of the front.</li>
 *   <li>{@link #sort}: fast non-dominated sorting (K. Deb, A. Pratap, S. Agarwal,
 *       T. Meyarivan, "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE
 *       Transactions on Evolutionary Computation 6(2):182&ndash;197, 2002): {@code O(M N²)}
 *       time and {@code O(N²)} memory in the worst case.</li>
 *   <li>{@link #hypervolume}: the hypervolume indicator (E. Zitzler, L. Thiele, "Multiobjective
 *       optimization using evolutionary algorithms &mdash; a comparative case study", PPSN V,
 *       1998) computed exactly for two objectives by a sweep along the first objective, the
 *       two-dimensional case of the dimension-sweep algorithm of C. M. Fonseca, L. Paquete and
 *       M. López-Ibáñez ("An improved dimension-sweep algorithm for the hypervolume indicator",
 *       IEEE CEC 2006): {@code O(N log N)}.</li>
 * </ul>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ParetoFront {

  private ParetoFront() {}

  /**
   * Whether loss vector {@code a} dominates {@code b}: no component of {@code a} is greater and
   * at least one is smaller.
   *
   * @param a a loss vector, not null
   * @param b a loss vector of the same length, not null
   * @throws IllegalArgumentException if the lengths differ
   */
  public static boolean dominates(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "cannot compare loss vectors of " + a.length + " and " + b.length + " objectives");
    }
    boolean strictlyBetter = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
      if (a[k] < b[k]) {
        strictlyBetter = true;
      }
    }
    return strictlyBetter;
  }

  /**
   * The indices of the points that no other point dominates, in ascending order.
   *
   * @param points loss vectors of equal length, not null; may be empty
   * @return the indices of the non-dominated points, ascending; empty for no points
   * @throws IllegalArgumentException if the vectors differ in length or hold a NaN
   */
  public static int[] nonDominated(double[][] points) {
    check(points);
    Integer[] order = lexicographicOrder(points);
    int[] front = new int[points.length];
    int size = 0;
    for (Integer candidate : order) {
      if (!dominatedByAny(points, front, size, points[candidate])) {
        front[size++] = candidate;
      }
    }
    int[] result = Arrays.copyOf(front, size);
    Arrays.sort(result);
    return result;
  }

  /**
   * The points sorted into non-dominated fronts: the first front holds the non-dominated points,
   * each later front the points dominated only by points of earlier fronts. A point's rank is
   * the position of its front, from 0.
   *
   * @param points loss vectors of equal length, not null; may be empty
   * @return the fronts, best first, each front's indices ascending; empty for no points
   * @throws IllegalArgumentException if the vectors differ in length or hold a NaN
   */
  public static List<int[]> sort(double[][] points) {
    check(points);
    int n = points.length;
    int[][] dominatedBy = new int[n][];
    int[] dominatedSize = new int[n];
    int[] dominatorCount = new int[n];
    for (int p = 0; p < n; p++) {
      for (int q = p + 1; q < n; q++) {
        if (dominates(points[p], points[q])) {
          add(dominatedBy, dominatedSize, p, q);
          dominatorCount[q]++;
        } else if (dominates(points[q], points[p])) {
          add(dominatedBy, dominatedSize, q, p);
          dominatorCount[p]++;
        }
      }
    }
    List<int[]> fronts = new ArrayList<>();
    int[] current = indicesWhere(dominatorCount, n);
    while (current.length > 0) {
      fronts.add(current);
      int[] next = new int[n];
      int nextSize = 0;
      for (int p : current) {
        for (int i = 0; i < dominatedSize[p]; i++) {
          int q = dominatedBy[p][i];
          if (--dominatorCount[q] == 0) {
            next[nextSize++] = q;
          }
        }
      }
      current = Arrays.copyOf(next, nextSize);
      Arrays.sort(current);
    }
    return fronts;
  }

  /**
   * The exact hypervolume of two-objective loss vectors with respect to a reference point: the
   * area of the region that some point dominates and that the reference point bounds. Points
   * that are not strictly better than the reference point in both objectives add nothing;
   * dominated points may be included and do not change the result.
   *
   * @param points loss vectors of two objectives, not null; may be empty
   * @param reference the reference point, two finite values, not null
   * @return the area, 0 for no points
   * @throws IllegalArgumentException if a vector or the reference point does not have two
   *     components, or a component is NaN, or the reference point is not finite
   */
  public static double hypervolume(double[][] points, double[] reference) {
    check(points);
    if (reference.length != 2 || !Double.isFinite(reference[0])
        || !Double.isFinite(reference[1])) {
      throw new IllegalArgumentException("the reference point must be two finite values, got "
          + Arrays.toString(reference));
    }
    if (points.length > 0 && points[0].length != 2) {
      throw new IllegalArgumentException("exact hypervolume is implemented for two objectives,"
          + " got " + points[0].length);
    }
    double[][] inside = Arrays.stream(points)
        .filter(p -> p[0] < reference[0] && p[1] < reference[1])
        .sorted(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]))
        .toArray(double[][]::new);
    double area = 0;
    double ceiling = reference[1];
    for (double[] p : inside) {
      if (p[1] < ceiling) {
        area += (reference[0] - p[0]) * (ceiling - p[1]);
        ceiling = p[1];
      }
    }
    return area;
  }

  private static void check(double[][] points) {
    Objects.requireNonNull(points, "points");
    for (int i = 0; i < points.length; i++) {
      double[] p = Objects.requireNonNull(points[i], "point " + i);
      if (p.length != points[0].length) {
        throw new IllegalArgumentException("point " + i + " has " + p.length
            + " objectives, point 0 has " + points[0].length);
      }
      for (double v : p) {
        if (Double.isNaN(v)) {
          throw new IllegalArgumentException("point " + i + " has a NaN: " + Arrays.toString(p));
        }
      }
    }
  }

  private static Integer[] lexicographicOrder(double[][] points) {
    Integer[] order = new Integer[points.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> compareNumerically(points[i], points[j]));
    return order;
  }

  /** Lexicographic order by {@code <}, so that -0.0 and 0.0 tie as they do under dominance. */
  private static int compareNumerically(double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      if (a[k] < b[k]) {
        return -1;
      }
      if (a[k] > b[k]) {
        return 1;
      }
    }
    return 0;
  }

  private static boolean dominatedByAny(double[][] points, int[] front, int size, double[] p) {
    for (int i = 0; i < size; i++) {
      if (dominates(points[front[i]], p)) {
        return true;
      }
    }
    return false;
  }

  private static void add(int[][] lists, int[] sizes, int owner, int value) {
    if (lists[owner] == null) {
      lists[owner] = new int[4];
    } else if (sizes[owner] == lists[owner].length) {
      lists[owner] = Arrays.copyOf(lists[owner], 2 * sizes[owner]);
    }
    lists[owner][sizes[owner]++] = value;
  }

  private static int[] indicesWhere(int[] counts, int n) {
    return IntStream.range(0, n).filter(i -> counts[i] == 0).toArray();
  }
}
