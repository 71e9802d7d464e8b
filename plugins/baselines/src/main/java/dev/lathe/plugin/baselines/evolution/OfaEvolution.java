package dev.lathe.plugin.baselines.evolution;

import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.plugin.baselines.population.GenerationalOptimizer;
import dev.lathe.plugin.baselines.population.Individual;
import dev.lathe.plugin.baselines.population.Variation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;

/**
 * The evolutionary search of Once-for-All: H. Cai, C. Gan, T. Wang, Z. Zhang, S. Han,
 * "Once-for-All: Train One Network and Specialize it for Efficient Deployment", ICLR 2020
 * (arXiv:1908.09791), as its official {@code EvolutionFinder} does it, in ask/tell form.
 *
 * <p>Generation 0 is {@code population} random candidates. Each later generation is
 * {@code population} children of the current parents: the first
 * {@code round(mutation_ratio · population)} are mutations of a parent drawn uniformly, each
 * dimension redrawn with probability {@code mutate_probability} ({@link Variation#mutateEach},
 * which changes one dimension when none was drawn, so that no child repeats its parent); the
 * rest are uniform crossovers of two parents drawn uniformly with replacement. When a generation
 * is complete, the next parents are the best {@code round(parent_ratio · population)} of the
 * current parents and its children under {@link Individual#FEASIBILITY_FIRST} (elitist, as in
 * the official code). The space's constraints are met by rejection sampling, as Once-for-All
 * meets its efficiency constraint; the problem's metric constraints by feasibility-first
 * ranking. Costs: {@code O(d)} per child and rejection try, {@code O(n log n)} per generation
 * for selection over {@code n} parents and children.
 */
final class OfaEvolution extends GenerationalOptimizer {

  static final String ID = "ofa-evolution";

  private final int parentCount;
  private final int mutationCount;
  private final double mutateProbability;

  /**
   * An optimizer that has asked nothing yet.
   *
   * @param problem the problem, one objective, not null
   * @param population children per generation, at least 1
   * @param parentRatio share of the population kept as parents; must keep at least one
   * @param mutationRatio share of each generation made by mutation, the rest by crossover
   * @param mutateProbability per-dimension mutation probability
   * @param variation the operators over the problem's space, not null
   * @param seed the seed of every trial's random stream
   * @param logger where generations and restores are reported, not null
   */
  OfaEvolution(Problem problem, int population, double parentRatio, double mutationRatio,
      double mutateProbability, Variation variation, long seed, Logger logger) {
    super(ID, problem, population, seed, variation, logger);
    this.parentCount = (int) Math.round(parentRatio * population);
    this.mutationCount = (int) Math.round(mutationRatio * population);
    this.mutateProbability = mutateProbability;
    if (parentCount < 1) {
      throw new IllegalArgumentException("optimizer '" + ID + "': parent_ratio " + parentRatio
          + " of population " + population + " keeps no parent; raise one of them");
    }
  }

  @Override
  protected Candidate offspring(int position, SplittableRandom random) {
    List<Individual> parents = parents();
    Individual a = parents.get(random.nextInt(parents.size()));
    if (position < mutationCount) {
      return variation().mutateEach(a.candidate(), a.trialNumber(), mutateProbability, random);
    }
    Individual b = parents.get(random.nextInt(parents.size()));
    return variation().crossover(a.candidate(), b.candidate(),
        "trials " + a.trialNumber() + " and " + b.trialNumber(), random);
  }

  @Override
  protected List<Individual> select(List<Individual> parents, List<Individual> children) {
    List<Individual> pool = new ArrayList<>(parents);
    pool.addAll(children);
    pool.sort(Individual.FEASIBILITY_FIRST);
    return pool.subList(0, Math.min(parentCount, pool.size()));
  }
}
