package dev.lathe.plugin.ofa.supernet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Searches of the scaled-down space ({@link MiniSubnet}) for the subnet of highest score under
 * a constraint, at a fixed number of score evaluations: Once-for-All's evolution (population,
 * the best quarter kept as parents, half the population made by mutation with each gene redrawn
 * at probability 0.1, the rest by uniform crossover of two parents, each child redrawn until it
 * meets the constraint) and random search (subnets drawn until they meet it).
 */
public final class SubnetSearch {

  /** The share of the population kept as parents. */
  static final double PARENT_RATIO = 0.25;
  /** The share of the population made by mutation. */
  static final double MUTATION_RATIO = 0.5;
  /** The probability that a mutation redraws a gene. */
  static final double MUTATE_PROBABILITY = 0.1;
  private static final int MAX_DRAWS = 100_000;

  /**
   * A subnet and its score.
   *
   * @param subnet the subnet
   * @param score its score
   */
  public record Scored(MiniSubnet subnet, double score) {}

  private SubnetSearch() {}

  /**
   * The best of {@code evaluations} scored subnets that evolution visits, with populations of
   * {@code population}.
   */
  public static Scored evolution(ToDoubleFunction<MiniSubnet> score,
      Predicate<MiniSubnet> feasible, int evaluations, int population, RandomGenerator random) {
    List<Scored> current = new ArrayList<>();
    Scored best = null;
    int used = 0;
    while (current.size() < population && used < evaluations) {
      Scored s = scored(draw(feasible, random), score);
      current.add(s);
      best = better(best, s);
      used++;
    }
    int parents = Math.max(2, (int) Math.round(PARENT_RATIO * population));
    int mutants = (int) Math.round(MUTATION_RATIO * population);
    while (used < evaluations) {
      current.sort(Comparator.comparingDouble(Scored::score).reversed());
      List<Scored> next = new ArrayList<>(current.subList(0, Math.min(parents, current.size())));
      for (int i = 0; i < population - parents && used < evaluations; i++, used++) {
        MiniSubnet child = i < mutants ? mutate(next.get(random.nextInt(next.size())).subnet(),
            feasible, random) : crossover(next.get(random.nextInt(next.size())).subnet(),
            next.get(random.nextInt(next.size())).subnet(), feasible, random);
        Scored s = scored(child, score);
        next.add(s);
        best = better(best, s);
      }
      current = next;
    }
    return best;
  }

  /** The best of {@code evaluations} feasible subnets drawn uniformly. */
  public static Scored random(ToDoubleFunction<MiniSubnet> score,
      Predicate<MiniSubnet> feasible, int evaluations, RandomGenerator random) {
    Scored best = null;
    for (int i = 0; i < evaluations; i++) {
      best = better(best, scored(draw(feasible, random), score));
    }
    return best;
  }

  /** A subnet drawn uniformly from the whole space until it is feasible. */
  static MiniSubnet draw(Predicate<MiniSubnet> feasible, RandomGenerator random) {
    for (int i = 0; i < MAX_DRAWS; i++) {
      MiniSubnet s = MiniSubnet.sample(MiniSubnet.KERNELS, MiniSubnet.EXPANDS, MiniSubnet.DEPTHS,
          MiniSubnet.RESOLUTIONS, random);
      if (feasible.test(s)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no subnet meets the constraint in " + MAX_DRAWS
        + " draws");
  }

  private static MiniSubnet mutate(MiniSubnet parent, Predicate<MiniSubnet> feasible,
      RandomGenerator random) {
    for (int i = 0; i < MAX_DRAWS; i++) {
      List<Integer> k = new ArrayList<>(parent.kernels());
      List<Integer> e = new ArrayList<>(parent.expands());
      List<Integer> d = new ArrayList<>(parent.depths());
      for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
        if (random.nextDouble() < MUTATE_PROBABILITY) {
          k.set(b, pick(MiniSubnet.KERNELS, random));
        }
        if (random.nextDouble() < MUTATE_PROBABILITY) {
          e.set(b, pick(MiniSubnet.EXPANDS, random));
        }
      }
      for (int s = 0; s < MiniSubnet.STAGES; s++) {
        if (random.nextDouble() < MUTATE_PROBABILITY) {
          d.set(s, pick(MiniSubnet.DEPTHS, random));
        }
      }
      int r = random.nextDouble() < MUTATE_PROBABILITY ? pick(MiniSubnet.RESOLUTIONS, random)
          : parent.resolution();
      MiniSubnet child = new MiniSubnet(k, e, d, r);
      if (feasible.test(child)) {
        return child;
      }
    }
    throw new IllegalArgumentException("no mutation meets the constraint in " + MAX_DRAWS
        + " draws");
  }

  private static MiniSubnet crossover(MiniSubnet a, MiniSubnet b, Predicate<MiniSubnet> feasible,
      RandomGenerator random) {
    for (int i = 0; i < MAX_DRAWS; i++) {
      List<Integer> k = new ArrayList<>();
      List<Integer> e = new ArrayList<>();
      List<Integer> d = new ArrayList<>();
      for (int j = 0; j < MiniSubnet.BLOCKS; j++) {
        k.add((random.nextBoolean() ? a : b).kernels().get(j));
        e.add((random.nextBoolean() ? a : b).expands().get(j));
      }
      for (int s = 0; s < MiniSubnet.STAGES; s++) {
        d.add((random.nextBoolean() ? a : b).depths().get(s));
      }
      MiniSubnet child = new MiniSubnet(k, e, d, (random.nextBoolean() ? a : b).resolution());
      if (feasible.test(child)) {
        return child;
      }
    }
    throw new IllegalArgumentException("no crossover meets the constraint in " + MAX_DRAWS
        + " draws");
  }

  private static int pick(List<Integer> values, RandomGenerator random) {
    return values.get(random.nextInt(values.size()));
  }

  private static Scored scored(MiniSubnet s, ToDoubleFunction<MiniSubnet> score) {
    return new Scored(s, score.applyAsDouble(s));
  }

  private static Scored better(Scored best, Scored s) {
    return best == null || s.score() > best.score() ? s : best;
  }
}
