package dev.lathe.plugin.baselines.nsga2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SimulatedBinaryCrossover} and {@link PolynomialMutation}. */
class VariationOperatorsTest {

  private static double meanSbxSpread(double eta) {
    SplittableRandom random = new SplittableRandom(1);
    double sum = 0;
    for (int i = 0; i < 20_000; i++) {
      double[] c = SimulatedBinaryCrossover.children(0.4, 0.6, eta, random);
      sum += c[1] - c[0];
    }
    return sum / 20_000;
  }

  @Test
  void sbxChildrenStayInBoundsAndOrdered() {
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 20_000; i++) {
      double a = random.nextDouble();
      double b = random.nextDouble();
      double[] c = SimulatedBinaryCrossover.children(a, b, 2, random);
      assertTrue(c[0] >= 0 && c[1] <= 1 && c[0] <= c[1], a + ", " + b);
    }
    assertArrayEquals(new double[] {0.3, 0.3},
        SimulatedBinaryCrossover.children(0.3, 0.3, 20, random));
  }

  @Test
  void sbxSpreadsChildrenAboutTheParentsNarrowerForLargerIndices() {
    // away from the bounds the spread factor has mean close to 1: children as far apart as
    // their parents on average, and closer to them the larger the index
    double wide = meanSbxSpread(2);
    double narrow = meanSbxSpread(20);
    assertEquals(0.2, narrow, 0.02);
    assertTrue(wide > narrow, wide + " vs " + narrow);
    SplittableRandom random = new SplittableRandom(3);
    double mean = 0;
    for (int i = 0; i < 20_000; i++) {
      double[] c = SimulatedBinaryCrossover.children(0.45, 0.55, 20, random);
      mean += (c[0] + c[1]) / 2;
    }
    assertEquals(0.5, mean / 20_000, 1e-3, "children are centred on the parents' mean");
  }

  @Test
  void polynomialMutationStaysInBoundsAndNarrowsWithItsIndex() {
    SplittableRandom random = new SplittableRandom(4);
    double wide = 0;
    double narrow = 0;
    for (int i = 0; i < 20_000; i++) {
      double y = random.nextDouble();
      double m = PolynomialMutation.mutate(y, 20, random);
      assertTrue(m >= 0 && m <= 1);
      narrow += Math.abs(m - y);
      wide += Math.abs(PolynomialMutation.mutate(y, 1, random) - y);
    }
    assertTrue(wide > 3 * narrow, wide + " vs " + narrow);
    // from next to a bound, half the steps go towards it (and stop short of it) and the mean
    // step is 0.5 (1 - 21/22) = 0.0227 for index 20
    double steps = 0;
    for (int i = 0; i < 20_000; i++) {
      double m = PolynomialMutation.mutate(1e-6, 20, random);
      assertTrue(m >= 0);
      steps += Math.abs(m - 1e-6);
    }
    assertEquals(0.0227, steps / 20_000, 0.002);
  }
}
