package dev.lathe.plugin.baselines.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.plugin.baselines.TestSpaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndividualTest {

  private static final Problem PROBLEM = new Problem(TestSpaces.branin(4),
      List.of(Objective.maximize("accuracy"), Objective.minimize("latency")),
      List.of(Constraint.parse("latency <= 10"), Constraint.parse("memory <= 2")));
  private static final Candidate C = Candidate.of(Map.of("x1", 0.0, "x2", 1.0));

  private static Metrics metrics(double accuracy, double latency, double memory) {
    return Metrics.builder().add("accuracy", accuracy, "", Origin.MEASURED)
        .add("latency", latency, "ms", Origin.MEASURED)
        .add("memory", memory, "GB", Origin.MEASURED).build();
  }

  private static Individual individual(long trial, double accuracy, double latency,
      double memory) {
    return Individual.of(new Observation(trial, C, metrics(accuracy, latency, memory), null),
        PROBLEM).orElseThrow();
  }

  @Test
  void lossesFollowTheObjectivesAndViolationSumsTheConstraints() {
    Individual i = individual(3, 0.9, 12, 2.5);
    assertEquals(3, i.trialNumber());
    assertEquals(-0.9, i.loss(0));
    assertEquals(12, i.loss(1));
    assertEquals(2.5, i.violation(), 1e-12);
    assertFalse(i.feasible());
    assertTrue(individual(4, 0.9, 10, 2).feasible());
  }

  @Test
  void failedOrUnscoredTrialsAreNoIndividuals() {
    assertTrue(Individual.of(new Observation(1, C, Metrics.empty(), "boom"), PROBLEM).isEmpty());
    Metrics noLatency = Metrics.builder().add("accuracy", 0.5, "", Origin.MEASURED).build();
    assertTrue(Individual.of(new Observation(1, C, noLatency, null), PROBLEM).isEmpty());
    assertTrue(Individual.of(new Observation(1, C, metrics(Double.NaN, 1, 1), null), PROBLEM)
        .isEmpty());
    Metrics noMemory = Metrics.builder().add("accuracy", 0.5, "", Origin.MEASURED)
        .add("latency", 1, "ms", Origin.MEASURED).build();
    assertEquals(Double.POSITIVE_INFINITY,
        Individual.of(new Observation(1, C, noMemory, null), PROBLEM).orElseThrow().violation());
  }

  @Test
  void feasibilityFirstOrder() {
    Individual feasibleGood = individual(5, 0.95, 5, 1);
    Individual feasibleGoodOlder = individual(2, 0.95, 9, 1);
    Individual feasibleBad = individual(1, 0.5, 5, 1);
    Individual slightlyInfeasible = individual(0, 0.99, 10.5, 2);
    Individual veryInfeasible = individual(7, 0.999, 30, 2);
    List<Individual> sorted = new ArrayList<>(List.of(veryInfeasible, feasibleBad,
        slightlyInfeasible, feasibleGood, feasibleGoodOlder));
    sorted.sort(Individual.FEASIBILITY_FIRST);
    assertEquals(List.of(feasibleGoodOlder, feasibleGood, feasibleBad, slightlyInfeasible,
        veryInfeasible), sorted);
  }

  @Test
  void refusesNaNLossesAndNegativeViolations() {
    assertThrows(IllegalArgumentException.class,
        () -> new Individual(1, C, new double[] {Double.NaN}, 0));
    assertThrows(IllegalArgumentException.class, () -> new Individual(1, C, new double[0], 0));
    assertThrows(IllegalArgumentException.class,
        () -> new Individual(1, C, new double[] {1}, -1));
  }
}
