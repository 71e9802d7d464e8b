package dev.lathe.api.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private static final SearchSpace SPACE = new SearchSpace() {
    @Override
    public String id() {
      return "one";
    }

    @Override
    public List<Dimension> dimensions() {
      return List.of(IntegerDimension.of("n", 0, 3));
    }
  };

  private static Metrics metrics(double latency, double acc) {
    return Metrics.builder().add("latency_ms", latency, "ms", Origin.MEASURED)
        .add("acc", acc, "", Origin.MEASURED).build();
  }

  private final Problem problem = new Problem(SPACE, List.of(Objective.maximize("acc")),
      List.of(Constraint.parse("latency_ms <= 25"), Constraint.parse("acc >= 0.5")));

  @Test
  void feasibleWhenEveryConstraintHolds() {
    assertTrue(problem.feasible(metrics(25, 0.5)));
    assertEquals(0.0, problem.violation(metrics(10, 0.9)));
    assertFalse(problem.feasible(metrics(26, 0.9)));
    assertFalse(problem.feasible(metrics(10, 0.25)));
  }

  @Test
  void violationIsTheSumOverConstraints() {
    assertEquals(5.25, problem.violation(metrics(30, 0.25)));
    assertEquals(Double.POSITIVE_INFINITY,
        problem.violation(Metrics.builder().add("acc", 0.9, "", Origin.MEASURED).build()));
  }

  @Test
  void withoutConstraintsEverythingIsFeasible() {
    Problem free = new Problem(SPACE, List.of(Objective.minimize("latency_ms")), List.of());
    assertTrue(free.feasible(Metrics.empty()));
    assertFalse(free.multiObjective());
    assertTrue(new Problem(SPACE, List.of(Objective.minimize("latency_ms"),
        Objective.maximize("acc")), List.of()).multiObjective());
  }

  @Test
  void needsAnObjectiveAndCopiesItsLists() {
    assertEquals("a problem needs at least one objective", assertThrows(
        IllegalArgumentException.class, () -> new Problem(SPACE, List.of(), List.of())).getMessage());
    List<Objective> objectives = new ArrayList<>(List.of(Objective.maximize("acc")));
    Problem p = new Problem(SPACE, objectives, List.of());
    objectives.add(Objective.minimize("latency_ms"));
    assertEquals(1, p.objectives().size());
    assertThrows(UnsupportedOperationException.class, () -> p.constraints().add(null));
  }
}
