package dev.lathe.plugin.baselines.evolution;

import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.plugin.baselines.population.Individual;
import dev.lathe.plugin.baselines.population.StateReader;
import dev.lathe.plugin.baselines.population.StateWriter;
import dev.lathe.plugin.baselines.population.TrialRandom;
import dev.lathe.plugin.baselines.population.Variation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;

/**
 * Regularised (aging) evolution: E. Real, A. Aggarwal, Y. Huang, Q. V. Le, "Regularized
 * Evolution for Image Classifier Architecture Search", AAAI 2019 (arXiv:1802.01548), Algorithm 1,
 * in ask/tell form.
 *
 * <p>The first {@code population} trials are drawn at random. Every later trial samples
 * {@code sample_size} members of the population uniformly with replacement, takes the best of
 * them under {@link Individual#FEASIBILITY_FIRST} as parent, and asks for a copy of it with one
 * dimension mutated ({@link Variation#mutateOne}). A told child joins the population and, once
 * the population holds more than {@code population} members, the oldest (lowest trial number)
 * dies: selection never keeps a lucky old individual forever. Members are kept in trial order,
 * so the population after a batch of tells does not depend on their order. Failed trials and
 * trials without a number for the objective do not join. While the population is empty, trials
 * are drawn at random.
 *
 * <p>Trial {@code t} draws from {@link TrialRandom#of TrialRandom.of(seed, t)}: the state is the
 * seed, the number of trials asked and the population, and {@link #restore} continues exactly.
 * Costs per trial: {@code O(sample_size)} for the tournament plus the mutation's
 * {@code O(d)} per rejection try, and {@code O(population)} to insert a told child.
 */
final class RegularizedEvolution implements Optimizer {

  static final String ID = "evolution";
  private static final int STATE_FORMAT = 1;

  private final Problem problem;
  private final int populationSize;
  private final int sampleSize;
  private final Variation variation;
  private final Logger logger;
  private long seed;
  private long asked;
  private final List<Individual> population = new ArrayList<>();

  /**
   * An optimizer that has asked nothing yet.
   *
   * @param problem the problem, one objective, not null
   * @param populationSize the number of members that survive, at least 1
   * @param sampleSize the tournament size, from 1 to {@code populationSize}
   * @param variation the operators over the problem's space, not null
   * @param seed the seed of every trial's random stream
   * @param logger where restores are reported, not null
   */
  RegularizedEvolution(Problem problem, int populationSize, int sampleSize, Variation variation,
      long seed, Logger logger) {
    if (populationSize < 1 || sampleSize < 1 || sampleSize > populationSize) {
      throw new IllegalArgumentException("optimizer '" + ID + "': sample_size " + sampleSize
          + " must lie between 1 and population " + populationSize);
    }
    this.problem = problem;
    this.populationSize = populationSize;
    this.sampleSize = sampleSize;
    this.variation = variation;
    this.seed = seed;
    this.logger = logger;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Candidate> ask(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("optimizer '" + ID + "': ask(" + n + ") needs n >= 1");
    }
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SplittableRandom random = TrialRandom.of(seed, asked);
      if (asked < populationSize || population.isEmpty()) {
        candidates.add(variation.sample(random));
      } else {
        Individual parent = tournament(random);
        candidates.add(variation.mutateOne(parent.candidate(), parent.trialNumber(), random));
      }
      asked++;
    }
    return candidates;
  }

  /** The best of {@code sample_size} members drawn uniformly with replacement. */
  private Individual tournament(SplittableRandom random) {
    Individual best = null;
    for (int s = 0; s < sampleSize; s++) {
      Individual contender = population.get(random.nextInt(population.size()));
      if (best == null || Individual.FEASIBILITY_FIRST.compare(contender, best) < 0) {
        best = contender;
      }
    }
    return best;
  }

  /**
   * Adds a successful child to the population and removes the oldest member beyond
   * {@code population}.
   *
   * @throws IllegalArgumentException if the trial was never asked or is still in the
   *     population, i.e. told twice
   */
  @Override
  public void tell(Observation observation) {
    long trial = observation.trialNumber();
    if (trial < 0 || trial >= asked) {
      throw new IllegalArgumentException("optimizer '" + ID + "' was told the outcome of trial "
          + trial + " but has asked for trials 0 to " + (asked - 1) + " only");
    }
    Optional<Individual> child = Individual.of(observation, problem);
    if (child.isEmpty()) {
      return;
    }
    int position = position(trial);
    if (position < population.size() && population.get(position).trialNumber() == trial) {
      throw new IllegalArgumentException(
          "optimizer '" + ID + "' was told the outcome of trial " + trial + " twice");
    }
    population.add(position, child.get());
    if (population.size() > populationSize) {
      population.remove(0);
    }
  }

  /** Where a member of trial number {@code trial} belongs in the population's trial order. */
  private int position(long trial) {
    int low = 0;
    int high = population.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (population.get(middle).trialNumber() < trial) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The state: header, seed, trials asked and the population in trial order. */
  @Override
  public Optional<byte[]> checkpoint() {
    return Optional.of(new StateWriter(STATE_FORMAT, ID, problem.space())
        .writeLong(seed).writeLong(asked).writeIndividuals(population).toByteArray());
  }

  /**
   * Continues from a checkpoint, seed included.
   *
   * @throws IllegalArgumentException if {@code state} is not a checkpoint of this optimizer
   *     over this space with this population size
   */
  @Override
  public void restore(byte[] state) {
    StateReader in = new StateReader(state, STATE_FORMAT, ID, problem.space());
    long restoredSeed = in.readLong();
    long restoredAsked = in.readLong();
    List<Individual> members = in.readIndividuals();
    in.finish();
    if (members.size() > populationSize) {
      throw in.corrupt(members.size() + " members exceed population " + populationSize);
    }
    long previous = -1;
    for (Individual member : members) {
      if (member.trialNumber() <= previous || member.trialNumber() >= restoredAsked) {
        throw in.corrupt("member of trial " + member.trialNumber()
            + " is out of order or was never asked");
      }
      previous = member.trialNumber();
    }
    if (restoredSeed != seed) {
      logger.info("optimizer '{}': checkpoint seed {} replaces seed {}", ID, restoredSeed, seed);
    }
    seed = restoredSeed;
    asked = restoredAsked;
    population.clear();
    population.addAll(members);
  }
}
