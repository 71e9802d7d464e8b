package dev.lathe.plugin.baselines.nsga2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.space.Candidate;
import dev.lathe.plugin.baselines.population.Individual;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankedPopulationTest {

  private static final Candidate C = Candidate.of(Map.of("x", 1.0));

  private static Individual point(long trial, double f1, double f2) {
    return new Individual(trial, C, new double[] {f1, f2}, 0);
  }

  private static Individual infeasible(long trial, double f1, double f2, double violation) {
    return new Individual(trial, C, new double[] {f1, f2}, violation);
  }

  @Test
  void feasibleFrontsComeFirstThenInfeasibleByViolation() {
    List<Individual> members = List.of(
        point(0, 0, 4), point(1, 1, 2), point(2, 4, 0),     // front 0
        point(3, 2, 3), point(4, 4, 1),                     // front 1
        point(5, 5, 5),                                     // front 2
        infeasible(6, -9, -9, 0.5), infeasible(7, 9, 9, 0.5), // front 3: equal violations
        infeasible(8, -10, -10, 2));                        // front 4
    RankedPopulation ranked = RankedPopulation.of(members);
    int[] expected = {0, 0, 0, 1, 1, 2, 3, 3, 4};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], ranked.rank(i), "member " + i);
    }
    assertTrue(ranked.beats(5, 6), "a feasible member beats any infeasible one");
    assertTrue(ranked.beats(7, 8), "less violation beats better objectives");
  }

  @Test
  void crowdingDistanceIsInfiniteAtTheEndsAndSumsNormalisedGaps() {
    // one front: (0, 10), (1, 6), (3, 3), (10, 0); ranges 10 and 10
    RankedPopulation ranked = RankedPopulation.of(List.of(point(0, 0, 10), point(1, 1, 6),
        point(2, 3, 3), point(3, 10, 0)));
    assertEquals(Double.POSITIVE_INFINITY, ranked.crowding(0));
    assertEquals(Double.POSITIVE_INFINITY, ranked.crowding(3));
    assertEquals((3 - 0) / 10.0 + (10 - 3) / 10.0, ranked.crowding(1), 1e-12);
    assertEquals((10 - 1) / 10.0 + (6 - 0) / 10.0, ranked.crowding(2), 1e-12);
    assertTrue(ranked.beats(2, 1), "same rank, larger crowding distance wins");
    assertFalse(ranked.beats(1, 1));
  }

  @Test
  void selectionFillsByRankThenByCrowdingDistance() {
    List<Individual> pool = List.of(point(0, 0, 10), point(1, 1, 6), point(2, 3, 3),
        point(3, 10, 0), point(4, 5, 11), point(5, 20, 20));
    List<Individual> three = RankedPopulation.select(pool, 3);
    // the front's ends (infinite distance) first, by trial number, then the more isolated one
    assertEquals(List.of(0L, 3L, 2L), three.stream().map(Individual::trialNumber).toList());
    assertEquals(List.of(0L, 3L, 2L, 1L, 4L, 5L), RankedPopulation.select(pool, 10).stream()
        .map(Individual::trialNumber).toList());
  }

  @Test
  void constantObjectivesAndTinyFrontsAreHandled() {
    RankedPopulation ranked = RankedPopulation.of(List.of(point(0, 1, 1), point(1, 1, 1),
        point(2, 1, 1)));
    for (int i = 0; i < 3; i++) {
      assertEquals(0, ranked.rank(i));
      assertFalse(Double.isNaN(ranked.crowding(i)));
    }
    assertEquals(0, RankedPopulation.of(List.of()).size());
  }
}
