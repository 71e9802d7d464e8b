package dev.lathe.plugin.baselines.nsga2;

import dev.lathe.api.optimize.ParetoFront;
import dev.lathe.plugin.baselines.population.Individual;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A population sorted into fronts under constraint-domination, with each member's rank and
 * crowding distance (K. Deb, A. Pratap, S. Agarwal, T. Meyarivan, "A fast and elitist
 * multiobjective genetic algorithm: NSGA-II", IEEE TEC 6(2), 2002, sections III.A, III.B and
 * IV).
 *
 * <p>A member constrained-dominates another when it is feasible and the other is not, or both
 * are infeasible and its total violation is smaller, or both are feasible and it dominates the
 * other. So the feasible members form the first fronts, sorted by
 * {@link ParetoFront#sort fast non-dominated sorting}, and the infeasible members follow, one
 * front per distinct total violation, smallest first. The crowding distance of a member sums,
 * over the objectives, the normalised gap between its neighbours in its front; the extreme
 * members of a front get infinity. Costs: {@code O(M N²)} for sorting and
 * {@code O(M N log N)} for crowding, for {@code N} members and {@code M} objectives.
 */
final class RankedPopulation {

  private final List<Individual> members;
  private final int[] rank;
  private final double[] crowding;

  private RankedPopulation(List<Individual> members) {
    this.members = List.copyOf(members);
    this.rank = new int[members.size()];
    this.crowding = new double[members.size()];
    int r = 0;
    for (int[] front : fronts()) {
      for (int i : front) {
        rank[i] = r;
      }
      crowd(front);
      r++;
    }
  }

  /** The ranks and crowding distances of {@code members}. */
  static RankedPopulation of(List<Individual> members) {
    return new RankedPopulation(members);
  }

  /**
   * The best {@code n} of {@code pool} by NSGA-II's environmental selection: by rank, then by
   * decreasing crowding distance, then by trial number; in that order.
   */
  static List<Individual> select(List<Individual> pool, int n) {
    RankedPopulation ranked = of(pool);
    Integer[] order = new Integer[pool.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> ranked.rank[i])
        .thenComparing(i -> ranked.crowding[i], Comparator.reverseOrder())
        .thenComparingLong(i -> ranked.members.get(i).trialNumber()));
    List<Individual> chosen = new ArrayList<>();
    for (int i = 0; i < Math.min(n, order.length); i++) {
      chosen.add(ranked.members.get(order[i]));
    }
    return chosen;
  }

  /** The number of members. */
  int size() {
    return members.size();
  }

  /** Member {@code i}. */
  Individual member(int i) {
    return members.get(i);
  }

  /** The rank of member {@code i}: its front's position, from 0. */
  int rank(int i) {
    return rank[i];
  }

  /** The crowding distance of member {@code i}. */
  double crowding(int i) {
    return crowding[i];
  }

  /**
   * The crowded-comparison operator: whether member {@code i} has a lower rank than member
   * {@code j}, or the same rank and a larger crowding distance.
   */
  boolean beats(int i, int j) {
    return rank[i] < rank[j] || (rank[i] == rank[j] && crowding[i] > crowding[j]);
  }

  private List<int[]> fronts() {
    List<Integer> feasible = new ArrayList<>();
    List<Integer> infeasible = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      (members.get(i).feasible() ? feasible : infeasible).add(i);
    }
    double[][] losses = feasible.stream().map(i -> members.get(i).losses())
        .toArray(double[][]::new);
    List<int[]> fronts = new ArrayList<>();
    for (int[] front : ParetoFront.sort(losses)) {
      fronts.add(Arrays.stream(front).map(feasible::get).toArray());
    }
    infeasible.sort(Comparator.<Integer>comparingDouble(i -> members.get(i).violation())
        .thenComparingLong(i -> members.get(i).trialNumber()));
    int start = 0;
    for (int end = 1; end <= infeasible.size(); end++) {
      if (end == infeasible.size() || members.get(infeasible.get(end)).violation()
          != members.get(infeasible.get(start)).violation()) {
        fronts.add(infeasible.subList(start, end).stream().mapToInt(Integer::intValue).toArray());
        start = end;
      }
    }
    return fronts;
  }

  private void crowd(int[] front) {
    if (front.length == 0) {
      return;
    }
    int objectives = members.get(front[0]).objectives();
    Integer[] sorted = Arrays.stream(front).boxed().toArray(Integer[]::new);
    for (int k = 0; k < objectives; k++) {
      int objective = k;
      Arrays.sort(sorted, Comparator.<Integer>comparingDouble(i -> members.get(i).loss(objective))
          .thenComparingLong(i -> members.get(i).trialNumber()));
      double low = members.get(sorted[0]).loss(k);
      double high = members.get(sorted[sorted.length - 1]).loss(k);
      crowding[sorted[0]] = Double.POSITIVE_INFINITY;
      crowding[sorted[sorted.length - 1]] = Double.POSITIVE_INFINITY;
      double range = high - low;
      if (!(range > 0) || !Double.isFinite(range)) {
        continue;
      }
      for (int p = 1; p < sorted.length - 1; p++) {
        crowding[sorted[p]] += (members.get(sorted[p + 1]).loss(k)
            - members.get(sorted[p - 1]).loss(k)) / range;
      }
    }
  }
}
