package dev.lathe.api.space;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * A space of candidates over typed dimensions: the extension point through which plugins
 * define what an optimizer searches.
 *
 * <p>Only {@link #id()} and {@link #dimensions()} are required. The defaults treat the
 * dimensions as independent and the space as unconstrained; a space with constraints overrides
 * {@link #violation(Candidate)}, and the default {@link #sample}, {@link #mutate} and
 * {@link #crossover} then reject what violates them.
 */
@API(status = STABLE, since = "0.1")
public interface SearchSpace {

  /** How many draws {@link #sample} and {@link #mutate} try before giving up on a constraint. */
  int MAX_TRIES = 10_000;

  /** The id of the plugin that made this space. */
  String id();

  /** The dimensions, in a fixed order; names are unique. */
  List<Dimension> dimensions();

  /**
   * Why {@code candidate} is not in this space, or empty if it is. The default checks that
   * every dimension has a legal value and that there are no others.
   */
  default Optional<String> violation(Candidate candidate) {
    for (Dimension d : dimensions()) {
      Object v = candidate.values().get(d.name());
      if (v == null) {
        return Optional.of("dimension '" + d.name() + "' has no value");
      }
      if (!d.contains(v)) {
        return Optional.of("dimension '" + d.name() + "' has illegal value " + v);
      }
    }
    if (candidate.values().size() != dimensions().size()) {
      return Optional.of("candidate has values for dimensions not in the space: "
          + candidate.values().keySet());
    }
    return Optional.empty();
  }

  /** A candidate drawn uniformly over the dimensions, redrawn while it violates a constraint. */
  default Candidate sample(RandomGenerator random) {
    for (int i = 0; i < MAX_TRIES; i++) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Dimension d : dimensions()) {
        values.put(d.name(), d.sample(random));
      }
      Candidate c = Candidate.of(values);
      if (violation(c).isEmpty()) {
        return c;
      }
    }
    throw new IllegalStateException("space '" + id() + "': no valid candidate in " + MAX_TRIES
        + " draws; its constraints look infeasible");
  }

  /** A copy of {@code parent} in which each dimension is redrawn with probability {@code p}. */
  default Candidate mutate(Candidate parent, double p, RandomGenerator random) {
    for (int i = 0; i < MAX_TRIES; i++) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Dimension d : dimensions()) {
        values.put(d.name(), random.nextDouble() < p ? d.sample(random) : parent.get(d.name()));
      }
      Candidate c = Candidate.of(values);
      if (violation(c).isEmpty()) {
        return c;
      }
    }
    return parent;
  }

  /** A child taking each dimension from {@code a} or {@code b} with equal probability. */
  default Candidate crossover(Candidate a, Candidate b, RandomGenerator random) {
    for (int i = 0; i < MAX_TRIES; i++) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Dimension d : dimensions()) {
        values.put(d.name(), (random.nextBoolean() ? a : b).get(d.name()));
      }
      Candidate c = Candidate.of(values);
      if (violation(c).isEmpty()) {
        return c;
      }
    }
    return a;
  }

  /** The candidate as a point of the unit cube, one coordinate per dimension. */
  default double[] encode(Candidate candidate) {
    List<Dimension> dims = dimensions();
    double[] x = new double[dims.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = dims.get(i).toUnit(candidate.get(dims.get(i).name()));
    }
    return x;
  }

  /** The candidate at a point of the unit cube; inverse of {@link #encode} on its image. */
  default Candidate decode(double[] x) {
    List<Dimension> dims = dimensions();
    if (x.length != dims.size()) {
      throw new IllegalArgumentException(
          "space '" + id() + "' has " + dims.size() + " dimensions, got a point of " + x.length);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      values.put(dims.get(i).name(), dims.get(i).fromUnit(x[i]));
    }
    return Candidate.of(values);
  }

  /**
   * The workload that {@code candidate} stands for (a network, a sparse product, …), which an
   * {@link dev.lathe.api.accelerate.Accelerator} can cost. Default: none.
   */
  default Optional<Workload> workload(Candidate candidate) {
    return Optional.empty();
  }

  /**
   * The graph over this space's dimensions, for optimizers that act on a structure (e.g. a
   * circuit's devices and their connections). Default: none, the dimensions are unrelated.
   */
  default Optional<DimensionGraph> structure() {
    return Optional.empty();
  }
}
