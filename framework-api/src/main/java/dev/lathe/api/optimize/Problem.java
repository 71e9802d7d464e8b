package dev.lathe.api.optimize;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.SearchSpace;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What an optimizer is asked to solve: a space, one or more objectives, and constraints.
 *
 * @param space the space to search
 * @param objectives at least one objective
 * @param constraints bounds that a feasible candidate's metrics satisfy
 */
@API(status = STABLE, since = "0.1")
public record Problem(SearchSpace space, List<Objective> objectives, List<Constraint> constraints) {

  /** Checks and copies the parts. */
  public Problem {
    Objects.requireNonNull(space, "space");
    objectives = List.copyOf(objectives);
    constraints = List.copyOf(constraints);
    if (objectives.isEmpty()) {
      throw new IllegalArgumentException("a problem needs at least one objective");
    }
  }

  /** Whether the problem has more than one objective. */
  public boolean multiObjective() {
    return objectives.size() > 1;
  }

  /** The sum of the constraint violations of {@code metrics}; 0 when feasible. */
  public double violation(Metrics metrics) {
    double sum = 0;
    for (Constraint c : constraints) {
      sum += c.violation(metrics);
    }
    return sum;
  }

  /** Whether {@code metrics} satisfy every constraint. */
  public boolean feasible(Metrics metrics) {
    return violation(metrics) == 0;
  }
}
