package dev.lathe.plugin.baselines.population;

import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;

/**
 * The ask/tell frame of a generational evolutionary algorithm with batch asks: trials are
 * numbered in the order asked, and generation {@code g} is trials {@code g·N} to
 * {@code g·N + N − 1} for a generation size {@code N}. Generation 0 is drawn at random. A later
 * trial is bred by the subclass from the current parents; once every trial of the oldest open
 * generation has been told, in any order, the subclass selects the next parents from the
 * current ones and that generation's successful children.
 *
 * <p>A trial asked before its predecessor generation is complete (a batch that crosses a
 * generation boundary) is bred from the parents at hand, and drawn at random while there are
 * none (e.g. when every earlier trial failed). Trial {@code t} draws all its random numbers from
 * {@link TrialRandom#of TrialRandom.of(seed, t)}, so the state is the seed, the number of trials
 * asked, the parents and the open generations: {@link #checkpoint()} writes exactly that, and
 * {@link #restore} continues identically. Failed trials, and trials without a number for an
 * objective, count towards completing their generation and are otherwise ignored.
 */
public abstract class GenerationalOptimizer implements Optimizer {

  private static final int STATE_FORMAT = 1;

  private final String id;
  private final Problem problem;
  private final int generationSize;
  private final Variation variation;
  private final Logger logger;
  private long seed;
  private long asked;
  private long folded;
  private List<Individual> parents = List.of();
  private final TreeMap<Long, OpenGeneration> open = new TreeMap<>();

  /**
   * An optimizer that has asked nothing yet.
   *
   * @param id the optimizer's id, not null
   * @param problem the problem, not null
   * @param generationSize trials per generation, at least 1
   * @param seed the seed of every trial's random stream
   * @param variation the operators over the problem's space, not null
   * @param logger where generations and restores are reported, not null
   */
  protected GenerationalOptimizer(String id, Problem problem, int generationSize, long seed,
      Variation variation, Logger logger) {
    if (generationSize < 1) {
      throw new IllegalArgumentException(
          "optimizer '" + id + "': generation size " + generationSize + " must be at least 1");
    }
    this.id = id;
    this.problem = problem;
    this.generationSize = generationSize;
    this.seed = seed;
    this.variation = variation;
    this.logger = logger;
  }

  /**
   * A new candidate bred from {@link #parents()}, which are not empty.
   *
   * @param position the trial's position within its generation, from 0
   * @param random the trial's own random stream
   */
  protected abstract Candidate offspring(int position, SplittableRandom random);

  /**
   * The next parents, chosen from the current ones and a generation's successful children.
   *
   * @param parents the current parents, possibly empty, not null
   * @param children the generation's successful children, possibly empty, not null
   * @return the next parents, in an order that depends on the arguments alone
   */
  protected abstract List<Individual> select(List<Individual> parents, List<Individual> children);

  /**
   * Called whenever {@link #parents()} changes, by selection or restore, so that a subclass can
   * derive what it keeps about them. Default: nothing.
   */
  protected void parentsChanged() {}

  /** The current parents, read-only. */
  protected final List<Individual> parents() {
    return parents;
  }

  /** The problem. */
  protected final Problem problem() {
    return problem;
  }

  /** The variation operators. */
  protected final Variation variation() {
    return variation;
  }

  /** The number of trials per generation. */
  protected final int generationSize() {
    return generationSize;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final List<Candidate> ask(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("optimizer '" + id + "': ask(" + n + ") needs n >= 1");
    }
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long trial = asked;
      SplittableRandom random = TrialRandom.of(seed, trial);
      candidates.add(trial < generationSize || parents.isEmpty()
          ? variation.sample(random)
          : offspring((int) (trial % generationSize), random));
      asked++;
    }
    return candidates;
  }

  /**
   * Records the outcome of a trial; completes generations whose every trial has been told.
   *
   * @throws IllegalArgumentException if the trial was never asked or is told a second time
   */
  @Override
  public final void tell(Observation observation) {
    long trial = observation.trialNumber();
    if (trial < 0 || trial >= asked) {
      throw new IllegalArgumentException("optimizer '" + id + "' was told the outcome of trial "
          + trial + " but has asked for trials 0 to " + (asked - 1) + " only");
    }
    long generation = trial / generationSize;
    if (generation < folded
        || !open.computeIfAbsent(generation, k -> new OpenGeneration()).told.add(trial)) {
      throw new IllegalArgumentException(
          "optimizer '" + id + "' was told the outcome of trial " + trial + " twice");
    }
    Individual.of(observation, problem).ifPresent(open.get(generation).children::add);
    foldCompleteGenerations();
  }

  private void foldCompleteGenerations() {
    OpenGeneration next;
    while ((next = open.get(folded)) != null && next.told.size() == generationSize) {
      open.remove(folded);
      parents = List.copyOf(select(parents, sortedByTrial(next.children)));
      parentsChanged();
      logger.debug("optimizer '{}': generation {} complete, {} of {} trials usable, {} parents",
          id, folded, next.children.size(), generationSize, parents.size());
      folded++;
    }
  }

  private static List<Individual> sortedByTrial(List<Individual> individuals) {
    List<Individual> sorted = new ArrayList<>(individuals);
    sorted.sort((a, b) -> Long.compare(a.trialNumber(), b.trialNumber()));
    return sorted;
  }

  /**
   * The state: header, generation size, seed, trials asked, generations completed, parents, and
   * each open generation's told trials and successful children.
   */
  @Override
  public final Optional<byte[]> checkpoint() {
    StateWriter out = new StateWriter(STATE_FORMAT, id, problem.space())
        .writeInt(generationSize).writeLong(seed).writeLong(asked).writeLong(folded).writeIndividuals(parents)
        .writeInt(open.size());
    for (Map.Entry<Long, OpenGeneration> e : open.entrySet()) {
      out.writeLong(e.getKey()).writeInt(e.getValue().told.size());
      e.getValue().told.forEach(out::writeLong);
      out.writeIndividuals(e.getValue().children);
    }
    return Optional.of(out.toByteArray());
  }

  /**
   * Continues from a checkpoint, seed included.
   *
   * @throws IllegalArgumentException if {@code state} is not a checkpoint of this optimizer
   *     over this space with this generation size
   */
  @Override
  public final void restore(byte[] state) {
    StateReader in = new StateReader(state, STATE_FORMAT, id, problem.space());
    int restoredSize = in.readInt();
    if (restoredSize != generationSize) {
      throw new IllegalArgumentException("optimizer '" + id + "': checkpoint has generations of "
          + restoredSize + " trials, this optimizer " + generationSize
          + "; restore it with the same settings");
    }
    long restoredSeed = in.readLong();
    long restoredAsked = in.readLong();
    long restoredFolded = in.readLong();
    List<Individual> restoredParents = in.readIndividuals();
    int openCount = in.readCount("number of open generations", Integer.MAX_VALUE);
    TreeMap<Long, OpenGeneration> restoredOpen = new TreeMap<>();
    for (int i = 0; i < openCount; i++) {
      long generation = in.readLong();
      OpenGeneration g = new OpenGeneration();
      int told = in.readCount("number of told trials", generationSize);
      for (int j = 0; j < told; j++) {
        g.told.add(in.readLong());
      }
      g.children.addAll(in.readIndividuals());
      restoredOpen.put(generation, g);
    }
    in.finish();
    if (restoredAsked < 0 || restoredFolded < 0
        || restoredFolded > (restoredAsked + generationSize - 1) / generationSize) {
      throw in.corrupt(restoredAsked + " trials asked and " + restoredFolded
          + " generations complete do not fit generations of " + generationSize);
    }
    if (restoredSeed != seed) {
      logger.info("optimizer '{}': checkpoint seed {} replaces seed {}", id, restoredSeed, seed);
    }
    seed = restoredSeed;
    asked = restoredAsked;
    folded = restoredFolded;
    parents = List.copyOf(restoredParents);
    open.clear();
    open.putAll(restoredOpen);
    parentsChanged();
  }

  /** A generation some of whose trials have not been told yet. */
  private static final class OpenGeneration {
    final TreeSet<Long> told = new TreeSet<>();
    final List<Individual> children = new ArrayList<>();
  }
}
