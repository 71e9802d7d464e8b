package dev.lathe.plugin.baselines.population;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An evaluated candidate of a population: its trial number, its loss per objective (lower is
 * better, {@link Objective#loss}) and its total violation of the problem's metric constraints
 * ({@link Problem#violation}, 0 when feasible).
 */
public final class Individual {

  /**
   * Feasibility-first order for one objective (K. Deb, "An efficient constraint handling method
   * for genetic algorithms", CMAME 186, 2000): a feasible individual comes before an infeasible
   * one, infeasible ones by increasing total violation, feasible ones by increasing loss of the
   * first objective; ties go to the lower trial number.
   */
  public static final Comparator<Individual> FEASIBILITY_FIRST =
      Comparator.comparingInt((Individual i) -> i.feasible() ? 0 : 1)
          .thenComparingDouble(Individual::violation)
          .thenComparingDouble(i -> i.losses[0])
          .thenComparingLong(Individual::trialNumber);

  private final long trialNumber;
  private final Candidate candidate;
  private final double[] losses;
  private final double violation;

  /**
   * An individual.
   *
   * @param trialNumber the trial that evaluated it
   * @param candidate the candidate, not null
   * @param losses one loss per objective, none NaN, not null
   * @param violation the total constraint violation, at least 0 (infinite when a constrained
   *     metric is missing)
   */
  public Individual(long trialNumber, Candidate candidate, double[] losses, double violation) {
    this.trialNumber = trialNumber;
    this.candidate = Objects.requireNonNull(candidate, "candidate");
    this.losses = losses.clone();
    this.violation = violation;
    if (losses.length == 0 || Arrays.stream(losses).anyMatch(Double::isNaN)) {
      throw new IllegalArgumentException("trial " + trialNumber + ": losses "
          + Arrays.toString(losses) + " must be one number per objective, none NaN");
    }
    if (!(violation >= 0)) {
      throw new IllegalArgumentException(
          "trial " + trialNumber + ": violation " + violation + " must be at least 0");
    }
  }

  /**
   * The individual that {@code observation} describes, or empty when the trial failed or lacks
   * a number for one of the objectives: such trials carry nothing to select on.
   */
  public static Optional<Individual> of(Observation observation, Problem problem) {
    if (!observation.succeeded()) {
      return Optional.empty();
    }
    Metrics metrics = observation.metrics();
    List<Objective> objectives = problem.objectives();
    double[] losses = new double[objectives.size()];
    for (int k = 0; k < losses.length; k++) {
      Objective objective = objectives.get(k);
      if (!metrics.has(objective.metric()) || Double.isNaN(metrics.value(objective.metric()))) {
        return Optional.empty();
      }
      losses[k] = objective.loss(metrics);
    }
    return Optional.of(new Individual(observation.trialNumber(), observation.candidate(), losses,
        problem.violation(metrics)));
  }

  /** The trial that evaluated this individual. */
  public long trialNumber() {
    return trialNumber;
  }

  /** The candidate. */
  public Candidate candidate() {
    return candidate;
  }

  /** The number of objectives. */
  public int objectives() {
    return losses.length;
  }

  /** The loss of objective {@code k}, lower is better. */
  public double loss(int k) {
    return losses[k];
  }

  /** A copy of the losses, one per objective. */
  public double[] losses() {
    return losses.clone();
  }

  /** The total violation of the problem's constraints; 0 when feasible. */
  public double violation() {
    return violation;
  }

  /** Whether every constraint of the problem holds. */
  public boolean feasible() {
    return violation == 0;
  }

  @Override
  public String toString() {
    return "trial " + trialNumber + " " + candidate + " losses " + Arrays.toString(losses)
        + (feasible() ? "" : " violation " + violation);
  }
}
