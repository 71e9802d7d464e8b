package dev.lathe.plugin.baselines.nsga2;

import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Dimension;
import dev.lathe.plugin.baselines.population.GenerationalOptimizer;
import dev.lathe.plugin.baselines.population.Individual;
import dev.lathe.plugin.baselines.population.Variation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;

/**
 * NSGA-II: K. Deb, A. Pratap, S. Agarwal, T. Meyarivan, "A fast and elitist multiobjective
 * genetic algorithm: NSGA-II", IEEE Transactions on Evolutionary Computation 6(2):182&ndash;197,
 * 2002, in generational ask/tell form.
 *
 * <p>Generation 0 is {@code population} random candidates. Each later generation is
 * {@code population} offspring of the parents: two binary tournaments under the
 * crowded-comparison operator pick two parents; with probability {@code crossover_probability}
 * they are crossed, each numeric dimension (integer, real, log-real, in the unit space of
 * {@link Dimension#toUnit}) by {@link SimulatedBinaryCrossover SBX} with probability 1/2 and
 * each categorical one uniformly, else the first parent is copied; then each dimension mutates
 * with probability {@code mutated_dimensions / d}: numeric ones by
 * {@link PolynomialMutation polynomial mutation}, categorical ones by a redraw of another value.
 * When a generation is complete, the next parents are the best {@code population} of the
 * current parents and its children by rank under constraint-domination and crowding distance
 * ({@link RankedPopulation}); the tournaments of the next generation use the ranks and crowding
 * distances within those parents. Offspring that the space refuses are bred again, at most
 * {@code max_tries} times. Costs per generation of {@code N}: {@code O(M N²)} to select for
 * {@code M} objectives, {@code O(d)} per offspring.
 */
final class Nsga2 extends GenerationalOptimizer {

  static final String ID = "nsga2";

  private final List<Dimension> dimensions;
  private final double crossoverProbability;
  private final double crossoverEta;
  private final double mutationEta;
  private final double mutationProbability;
  private RankedPopulation ranked = RankedPopulation.of(List.of());

  /**
   * An optimizer that has asked nothing yet.
   *
   * @param problem the problem, one or more objectives, not null
   * @param population offspring per generation and parents kept, at least 1
   * @param crossoverProbability the probability that two parents are crossed
   * @param crossoverEta SBX's distribution index
   * @param mutationEta polynomial mutation's distribution index
   * @param mutatedDimensions the expected number of dimensions mutated per offspring
   * @param variation the operators over the problem's space, not null
   * @param seed the seed of every trial's random stream
   * @param logger where generations and restores are reported, not null
   */
  Nsga2(Problem problem, int population, double crossoverProbability, double crossoverEta,
      double mutationEta, double mutatedDimensions, Variation variation, long seed,
      Logger logger) {
    super(ID, problem, population, seed, variation, logger);
    this.dimensions = List.copyOf(problem.space().dimensions());
    this.crossoverProbability = crossoverProbability;
    this.crossoverEta = crossoverEta;
    this.mutationEta = mutationEta;
    this.mutationProbability = Math.min(1, mutatedDimensions / dimensions.size());
  }

  @Override
  protected Candidate offspring(int position, SplittableRandom random) {
    Individual a = ranked.member(tournament(random));
    Individual b = ranked.member(tournament(random));
    return variation().valid("offspring of trials " + a.trialNumber() + " and "
        + b.trialNumber(), () -> breed(a.candidate(), b.candidate(), random));
  }

  /** The winner of a binary tournament under the crowded-comparison operator. */
  private int tournament(SplittableRandom random) {
    int i = random.nextInt(ranked.size());
    int j = random.nextInt(ranked.size());
    return ranked.beats(j, i) ? j : i;
  }

  private Candidate breed(Candidate a, Candidate b, SplittableRandom random) {
    boolean cross = random.nextDouble() < crossoverProbability;
    Map<String, Object> values = new LinkedHashMap<>();
    for (Dimension d : dimensions) {
      Object va = a.get(d.name());
      Object vb = b.get(d.name());
      boolean mutate = d.cardinality() != 1 && random.nextDouble() < mutationProbability;
      if (d instanceof CategoricalDimension) {
        Object value = cross && random.nextBoolean() ? vb : va;
        values.put(d.name(), mutate ? variation().mutate(d, value, random) : value);
        continue;
      }
      double u = d.toUnit(va);
      boolean changed = false;
      if (cross && random.nextBoolean()) {
        double[] children = SimulatedBinaryCrossover.children(u, d.toUnit(vb), crossoverEta,
            random);
        u = children[random.nextBoolean() ? 1 : 0];
        changed = true;
      }
      if (mutate) {
        u = PolynomialMutation.mutate(u, mutationEta, random);
        changed = true;
      }
      values.put(d.name(), changed ? d.fromUnit(u) : va);
    }
    return Candidate.of(values);
  }

  @Override
  protected List<Individual> select(List<Individual> parents, List<Individual> children) {
    List<Individual> pool = new ArrayList<>(parents);
    pool.addAll(children);
    return RankedPopulation.select(pool, generationSize());
  }

  @Override
  protected void parentsChanged() {
    ranked = RankedPopulation.of(parents());
  }
}
