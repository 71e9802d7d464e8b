package dev.lathe.plugin.baselines.population;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The variation operators of the evolutionary optimizers over any search space: uniform random
 * candidates, mutation, and uniform crossover, each repeated while the space's
 * {@link SearchSpace#violation} refuses the result, at most {@code max_tries} times.
 *
 * <p>The operators work on the dimensions directly; the space's own {@code sample},
 * {@code mutate} and {@code crossover} are not used, so that the settings mean the same on every
 * space and an infeasible constraint ends in one error naming the space and the constraint
 * rather than in a silent copy of the parent. Mutating a dimension changes its value: a
 * categorical or integer dimension takes one of its other values uniformly; a real one is
 * redrawn uniformly over its range ({@link RealStep#REDRAW}) or moved by a Gaussian step in the
 * unit space of {@link Dimension#toUnit}, reflected at its bounds ({@link RealStep#GAUSSIAN}).
 * Dimensions with a single value are never chosen for mutation. Each operator costs
 * {@code O(d)} per try for {@code d} dimensions, plus the space's {@code violation}.
 */
public final class Variation {

  /** How a mutation changes a real or log-real dimension. */
  public enum RealStep {
    /** A new value drawn uniformly (log-uniformly for a log-real dimension). */
    REDRAW,
    /** A Gaussian step of standard deviation {@code sigma} in unit space, reflected at 0 and 1. */
    GAUSSIAN;

    /** The setting's value, in lower case. */
    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The setting that picks the {@link RealStep}. */
  public static final String REAL_MUTATION = "real_mutation";
  /** The setting of the Gaussian step's standard deviation. */
  public static final String SIGMA = "sigma";
  /** The setting that bounds the rejection sampling. */
  public static final String MAX_TRIES = "max_tries";

  private final String optimizerId;
  private final SearchSpace space;
  private final List<Dimension> dimensions;
  private final int[] mutable;
  private final RealStep realStep;
  private final double sigma;
  private final int maxTries;

  /**
   * Operators for {@code space}.
   *
   * @param optimizerId the optimizer's id, for error messages, not null
   * @param space the space, not null
   * @param realStep how real dimensions mutate, not null
   * @param sigma the Gaussian step's standard deviation in unit space, positive
   * @param maxTries how many proposals each operator tries before it gives up, at least 1
   */
  public Variation(String optimizerId, SearchSpace space, RealStep realStep, double sigma,
      int maxTries) {
    this.optimizerId = optimizerId;
    this.space = space;
    this.dimensions = List.copyOf(space.dimensions());
    this.realStep = realStep;
    this.sigma = sigma;
    this.maxTries = maxTries;
    if (!(sigma > 0) || maxTries < 1) {
      throw new IllegalArgumentException("optimizer '" + optimizerId + "': sigma " + sigma
          + " must be positive and max_tries " + maxTries + " at least 1");
    }
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.get(i).cardinality() != 1) {
        indices.add(i);
      }
    }
    this.mutable = indices.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The parameters that configure the operators: real_mutation, sigma and max_tries. */
  public static List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.string(REAL_MUTATION, RealStep.REDRAW.label(),
            "how a mutation changes a real dimension: redraw it uniformly, or a gaussian step"
                + " in unit space").choices(RealStep.REDRAW.label(), RealStep.GAUSSIAN.label()),
        ParameterSpec.real(SIGMA, 0.1,
            "standard deviation of the gaussian step, as a share of the dimension's range")
            .range(1e-6, 1),
        ParameterSpec.integer(MAX_TRIES, 1000,
            "proposals per candidate before the space's constraint is declared infeasible")
            .range(1, 1e9));
  }

  /** Operators for {@code space} configured by the {@link #parameters()} in {@code settings}. */
  public static Variation from(String optimizerId, SearchSpace space, Settings settings) {
    return new Variation(optimizerId, space,
        RealStep.valueOf(settings.getString(REAL_MUTATION).toUpperCase(Locale.ROOT)),
        settings.getDouble(SIGMA), settings.getInt(MAX_TRIES));
  }

  /** The space the operators work on. */
  public SearchSpace space() {
    return space;
  }

  /** A candidate drawn uniformly over the dimensions, redrawn while the space refuses it. */
  public Candidate sample(RandomGenerator random) {
    return valid("random candidates", () -> {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Dimension d : dimensions) {
        values.put(d.name(), d.sample(random));
      }
      return Candidate.of(values);
    });
  }

  /**
   * A copy of {@code parent} with one dimension, chosen uniformly among those with more than one
   * value, mutated (regularised evolution's mutation), retried while the space refuses it.
   *
   * @param parent the parent, not null
   * @param parentTrial the parent's trial number, for error messages
   */
  public Candidate mutateOne(Candidate parent, long parentTrial, RandomGenerator random) {
    if (mutable.length == 0) {
      return parent;
    }
    return valid("mutations of trial " + parentTrial, () -> {
      int i = mutable[random.nextInt(mutable.length)];
      Dimension d = dimensions.get(i);
      return parent.with(d.name(), mutate(d, parent.get(d.name()), random));
    });
  }

  /**
   * A copy of {@code parent} in which each dimension with more than one value is mutated with
   * probability {@code probability}, and one chosen uniformly when none was, so that the child
   * differs from its parent; retried while the space refuses it.
   *
   * @param parent the parent, not null
   * @param parentTrial the parent's trial number, for error messages
   * @param probability the per-dimension probability, in [0, 1]
   */
  public Candidate mutateEach(Candidate parent, long parentTrial, double probability,
      RandomGenerator random) {
    if (mutable.length == 0) {
      return parent;
    }
    return valid("mutations of trial " + parentTrial, () -> {
      Map<String, Object> values = new LinkedHashMap<>(parent.values());
      boolean changed = false;
      for (int i : mutable) {
        if (random.nextDouble() < probability) {
          Dimension d = dimensions.get(i);
          values.put(d.name(), mutate(d, parent.get(d.name()), random));
          changed = true;
        }
      }
      if (!changed) {
        Dimension d = dimensions.get(mutable[random.nextInt(mutable.length)]);
        values.put(d.name(), mutate(d, parent.get(d.name()), random));
      }
      return Candidate.of(values);
    });
  }

  /**
   * A child that takes each dimension from {@code a} or {@code b} with probability 1/2 (uniform
   * crossover), retried while the space refuses it.
   *
   * @param a a parent, not null
   * @param b the other parent, not null
   * @param what the parents, for error messages, e.g. {@code trials 3 and 8}
   */
  public Candidate crossover(Candidate a, Candidate b, String what, RandomGenerator random) {
    return valid("crossovers of " + what, () -> {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Dimension d : dimensions) {
        values.put(d.name(), (random.nextBoolean() ? a : b).get(d.name()));
      }
      return Candidate.of(values);
    });
  }

  /**
   * A new value of {@code d} other than {@code value}: another value drawn uniformly for a
   * categorical or integer dimension, a uniform redraw or a reflected Gaussian step in unit space
   * for a real one.
   *
   * @param d a dimension with more than one value, not null
   * @param value its current value, not null
   */
  public Object mutate(Dimension d, Object value, RandomGenerator random) {
    if (d instanceof CategoricalDimension c) {
      return c.choices().get(otherIndex(c.indexOf(value), c.choices().size(), random));
    }
    if (d instanceof IntegerDimension n) {
      long index = (((Number) value).longValue() - n.low()) / n.step();
      return n.low() + n.step() * otherIndex(index, n.cardinality(), random);
    }
    RealDimension r = (RealDimension) d;
    if (realStep == RealStep.REDRAW) {
      return r.sample(random);
    }
    return r.fromUnit(reflect(r.toUnit(value) + sigma * random.nextGaussian()));
  }

  /**
   * The first proposal that the space accepts, of at most {@code max_tries}.
   *
   * @param what what is proposed, for the error message, e.g. {@code mutations of trial 12}
   * @param proposal makes one proposal, drawing fresh random numbers each time, not null
   * @throws IllegalStateException naming the optimizer, the space and the last reason of the
   *     space when it refuses every proposal
   */
  public Candidate valid(String what, Supplier<Candidate> proposal) {
    String reason = "";
    for (int i = 0; i < maxTries; i++) {
      Candidate c = proposal.get();
      Optional<String> violation = space.violation(c);
      if (violation.isEmpty()) {
        return c;
      }
      reason = violation.get();
    }
    throw new IllegalStateException("optimizer '" + optimizerId + "': space '" + space.id()
        + "' refused all " + maxTries + " " + what + "; its constraint looks infeasible: "
        + reason + " (relax the constraint or raise " + MAX_TRIES + ")");
  }

  /** A uniform index of {@code [0, count)} other than {@code current}; count at least 2. */
  private static long otherIndex(long current, long count, RandomGenerator random) {
    long other = random.nextLong(count - 1);
    return other >= current ? other + 1 : other;
  }

  private static int otherIndex(int current, int count, RandomGenerator random) {
    int other = random.nextInt(count - 1);
    return other >= current ? other + 1 : other;
  }

  /** {@code u} folded into [0, 1] by reflection at 0 and 1. */
  static double reflect(double u) {
    double folded = u % 2;
    if (folded < 0) {
      folded += 2;
    }
    return folded > 1 ? 2 - folded : folded;
  }
}
