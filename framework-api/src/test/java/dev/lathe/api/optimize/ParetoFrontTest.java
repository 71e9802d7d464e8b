package dev.lathe.api.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

  /** Two objectives; 5 duplicates 1; 2, 4 and 6 are dominated. */
  private static final double[][] POINTS = {
      {1, 5}, {2, 3}, {3, 4}, {4, 1}, {5, 5}, {2, 3}, {1, 6}};

  @Test
  void dominanceNeedsNoWorseEverywhereAndBetterSomewhere() {
    assertTrue(ParetoFront.dominates(new double[] {1, 2}, new double[] {1, 3}));
    assertFalse(ParetoFront.dominates(new double[] {1, 3}, new double[] {1, 2}));
    assertFalse(ParetoFront.dominates(new double[] {1, 2}, new double[] {1, 2}));
    assertFalse(ParetoFront.dominates(new double[] {0, 3}, new double[] {1, 2}));
  }

  @Test
  void nonDominatedKeepsDuplicatesOfFrontPoints() {
    assertArrayEquals(new int[] {0, 1, 3, 5}, ParetoFront.nonDominated(POINTS));
  }

  @Test
  void sortPutsEachPointInTheFrontAfterItsLastDominator() {
    List<int[]> fronts = ParetoFront.sort(POINTS);
    assertEquals(3, fronts.size());
    assertArrayEquals(new int[] {0, 1, 3, 5}, fronts.get(0));
    assertArrayEquals(new int[] {2, 6}, fronts.get(1));
    assertArrayEquals(new int[] {4}, fronts.get(2));
  }

  @Test
  void threeObjectives() {
    double[][] points = {{1, 2, 3}, {3, 2, 1}, {2, 2, 2}, {2, 3, 3}, {3, 3, 3}};
    assertArrayEquals(new int[] {0, 1, 2}, ParetoFront.nonDominated(points));
    List<int[]> fronts = ParetoFront.sort(points);
    assertEquals(3, fronts.size());
    assertArrayEquals(new int[] {0, 1, 2}, fronts.get(0));
    assertArrayEquals(new int[] {3}, fronts.get(1));
    assertArrayEquals(new int[] {4}, fronts.get(2));
  }

  @Test
  void negativeZeroEqualsZero() {
    double[][] points = {{0.0, 1}, {-0.0, 2}};
    assertArrayEquals(new int[] {0}, ParetoFront.nonDominated(points));
    assertArrayEquals(new int[] {0}, ParetoFront.sort(points).get(0));
  }

  @Test
  void nonDominatedAgreesWithFirstFrontAndBruteForceOnRandomGrids() {
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      int m = 2 + random.nextInt(3);
      double[][] points = new double[1 + random.nextInt(60)][m];
      for (double[] p : points) {
        for (int k = 0; k < m; k++) {
          p[k] = random.nextInt(8);
        }
      }
      int[] bruteForce = IntStream.range(0, points.length)
          .filter(i -> IntStream.range(0, points.length)
              .noneMatch(j -> ParetoFront.dominates(points[j], points[i])))
          .toArray();
      assertArrayEquals(bruteForce, ParetoFront.nonDominated(points));
      List<int[]> fronts = ParetoFront.sort(points);
      assertArrayEquals(bruteForce, fronts.get(0));
      assertEquals(points.length, fronts.stream().mapToInt(f -> f.length).sum());
      for (int r = 1; r < fronts.size(); r++) {
        for (int q : fronts.get(r)) {
          int rank = r;
          assertTrue(IntStream.of(fronts.get(r - 1))
              .anyMatch(p -> ParetoFront.dominates(points[p], points[q])),
              "a point of front " + rank + " is dominated by one of front " + (rank - 1));
          assertFalse(IntStream.of(fronts.get(r))
              .anyMatch(p -> ParetoFront.dominates(points[p], points[q])));
        }
      }
    }
  }

  @Test
  void hypervolumeOfHandComputedFront() {
    // rectangles from (6, 7): 5 x 2 + 4 x 2 + 2 x 2; the dominated points add nothing
    assertEquals(22.0, ParetoFront.hypervolume(POINTS, new double[] {6, 7}), 1e-12);
    assertEquals(22.0, ParetoFront.hypervolume(
        new double[][] {{4, 1}, {2, 3}, {1, 5}}, new double[] {6, 7}), 1e-12);
  }

  @Test
  void hypervolumeIgnoresPointsOutsideTheReferenceBox() {
    // only (1,5) and (2,3) lie strictly inside (3, 6): 2 x 1 + 1 x 2
    assertEquals(4.0, ParetoFront.hypervolume(POINTS, new double[] {3, 6}), 1e-12);
    assertEquals(0.0, ParetoFront.hypervolume(POINTS, new double[] {1, 1}));
    assertEquals(0.0, ParetoFront.hypervolume(new double[0][], new double[] {1, 1}));
  }

  @Test
  void hypervolumeOfMaximisedObjectiveViaLoss() {
    Objective accuracy = Objective.maximize("accuracy");
    Objective latency = Objective.minimize("latency_ms");
    double[][] losses = new double[3][];
    double[][] raw = {{0.9, 20}, {0.8, 10}, {0.7, 15}};
    for (int i = 0; i < raw.length; i++) {
      Metrics m = Metrics.builder()
          .add("accuracy", raw[i][0], "", Origin.MEASURED)
          .add("latency_ms", raw[i][1], "ms", Origin.MEASURED).build();
      losses[i] = new double[] {accuracy.loss(m), latency.loss(m)};
    }
    assertArrayEquals(new int[] {0, 1}, ParetoFront.nonDominated(losses));
    // reference accuracy 0.6, latency 25: 0.3 x 5 + 0.2 x 10
    assertEquals(3.5, ParetoFront.hypervolume(losses, new double[] {-0.6, 25}), 1e-12);
  }

  @Test
  void refusesBadInput() {
    assertThrows(IllegalArgumentException.class,
        () -> ParetoFront.nonDominated(new double[][] {{1, 2}, {1}}));
    assertThrows(IllegalArgumentException.class,
        () -> ParetoFront.sort(new double[][] {{1, Double.NaN}}));
    assertThrows(IllegalArgumentException.class,
        () -> ParetoFront.hypervolume(new double[][] {{1, 2, 3}}, new double[] {4, 4}));
    assertThrows(IllegalArgumentException.class,
        () -> ParetoFront.hypervolume(new double[][] {{1, 2}}, new double[] {4, Double.NaN}));
    assertThrows(IllegalArgumentException.class,
        () -> ParetoFront.dominates(new double[] {1}, new double[] {1, 2}));
  }

  @Test
  void emptyInputHasNoFronts() {
    assertEquals(0, ParetoFront.nonDominated(new double[0][]).length);
    assertTrue(ParetoFront.sort(new double[0][]).isEmpty());
  }
}
