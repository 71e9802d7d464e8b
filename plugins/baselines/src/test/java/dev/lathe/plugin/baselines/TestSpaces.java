package dev.lathe.plugin.baselines;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.plugin.baselines.problems.Branin;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Small constrained spaces for the optimizers' tests. */
public final class TestSpaces {

  private TestSpaces() {}

  /**
   * A space of every dimension kind (categorical {@code activation}, integer {@code depth} and
   * {@code width} step 8, real {@code dropout}, log-real {@code learning_rate}), constrained to
   * {@code depth * width <= 96}.
   */
  public static SearchSpace mixed() {
    return new Constrained("mixed", List.of(
        CategoricalDimension.of("activation", "relu", "gelu", "swish"),
        IntegerDimension.of("depth", 1, 12),
        new IntegerDimension("width", 8, 64, 8),
        RealDimension.of("dropout", 0, 0.5),
        RealDimension.logOf("learning_rate", 1e-5, 1e-1)),
        c -> c.getLong("depth") * c.getLong("width") <= 96, "depth * width > 96");
  }

  /** Branin's domain constrained to {@code x1 + x2 <= limit}. */
  public static SearchSpace branin(double limit) {
    Branin branin = new Branin();
    return new Constrained("constrained-branin", List.copyOf(branin.domain()),
        c -> c.getDouble("x1") + c.getDouble("x2") <= limit, "x1 + x2 > " + limit);
  }

  /** A space whose constraint {@code test} holds where valid, refused with {@code reason}. */
  private record Constrained(String id, List<Dimension> dimensions,
      Predicate<Candidate> test, String reason) implements SearchSpace {
    @Override
    public Optional<String> violation(Candidate candidate) {
      Optional<String> base = SearchSpace.super.violation(candidate);
      if (base.isPresent()) {
        return base;
      }
      return test.test(candidate) ? Optional.empty() : Optional.of(reason);
    }
  }
}
