package dev.lathe.plugin.baselines.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitialDesignTest {

  private static double[][] points(InitialDesign design, int count) {
    double[][] p = new double[count][];
    for (int i = 0; i < count; i++) {
      p[i] = design.point(i, new SplittableRandom(i));
    }
    return p;
  }

  /** Whether each of the {@code count} strata of coordinate {@code j} holds exactly one point. */
  private static boolean stratified(double[][] points, int j, int count) {
    int[] hits = new int[count];
    for (double[] p : points) {
      assertTrue(p[j] >= 0 && p[j] < 1, "coordinate " + p[j]);
      hits[(int) Math.floor(p[j] * count)]++;
    }
    return Arrays.stream(hits).allMatch(h -> h == 1);
  }

  @Test
  void shiftedSobolKeepsOnePointPerDyadicIntervalInEveryCoordinate() {
    InitialDesign design = new InitialDesign(InitialDesign.Kind.SOBOL, 5, 10,
        new SplittableRandom(7));
    for (int m = 1; m <= 6; m++) {
      double[][] p = points(design, 1 << m);
      for (int j = 0; j < 5; j++) {
        assertTrue(stratified(p, j, 1 << m), "2^" + m + " points, coordinate " + j);
      }
    }
    assertFalse(Arrays.stream(design.point(0, new SplittableRandom(1))).allMatch(x -> x == 0),
        "the shift moves the first point off the origin");
  }

  @Test
  void sobolPointsDependOnTheShiftSeedOnlyAndAreRepeatable() {
    InitialDesign a = new InitialDesign(InitialDesign.Kind.SOBOL, 3, 10, new SplittableRandom(1));
    InitialDesign b = new InitialDesign(InitialDesign.Kind.SOBOL, 3, 10, new SplittableRandom(1));
    InitialDesign c = new InitialDesign(InitialDesign.Kind.SOBOL, 3, 10, new SplittableRandom(2));
    assertArrayEquals(a.point(5, new SplittableRandom(0)), b.point(5, new SplittableRandom(9)));
    assertArrayEquals(a.point(5, new SplittableRandom(0)), a.point(5, new SplittableRandom(0)));
    assertFalse(Arrays.equals(a.point(5, new SplittableRandom(0)),
        c.point(5, new SplittableRandom(0))));
  }

  @Test
  void latinHypercubeStratifiesEveryCoordinateThenDrawsUniformPoints() {
    InitialDesign design = new InitialDesign(InitialDesign.Kind.LHS, 4, 12,
        new SplittableRandom(3));
    double[][] p = points(design, 12);
    for (int j = 0; j < 4; j++) {
      assertTrue(stratified(p, j, 12), "coordinate " + j);
    }
    double[] beyond = design.point(12, new SplittableRandom(5));
    assertArrayEquals(beyond, design.point(12, new SplittableRandom(5)));
    assertEquals(4, beyond.length);
  }

  @Test
  void sobolRefusesMoreDimensionsThanItsDirectionNumbersCover() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new InitialDesign(InitialDesign.Kind.SOBOL, 1001, 10, new SplittableRandom(1)));
    assertTrue(e.getMessage().contains("initial_design: lhs"), e.getMessage());
  }
}
