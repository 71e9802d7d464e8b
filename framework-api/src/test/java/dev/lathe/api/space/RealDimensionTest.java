package dev.lathe.api.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RealDimensionTest {

  private final RealDimension x = RealDimension.of("x", -1, 3);
  private final RealDimension lr = RealDimension.logOf("lr", 1e-4, 1e-1);

  @Test
  void linearScaleMapsTheIntervalOntoTheUnitInterval() {
    assertEquals(Dimension.Kind.REAL, x.kind());
    assertEquals(-1, x.cardinality());
    assertEquals(0.0, x.toUnit(-1.0));
    assertEquals(0.25, x.toUnit(0.0));
    assertEquals(1.0, x.toUnit(3.0));
    assertEquals(0.0, x.fromUnit(0.25));
    assertEquals(2.0, x.fromUnit(0.75));
    for (double v = -1; v <= 3; v += 0.125) {
      assertEquals(v, (Double) x.fromUnit(x.toUnit(v)), 1e-15);
    }
  }

  @Test
  void logScaleMapsDecadesToEqualLengths() {
    assertEquals(Dimension.Kind.LOG_REAL, lr.kind());
    assertEquals(0.0, lr.toUnit(1e-4), 1e-15);
    assertEquals(1 / 3.0, lr.toUnit(1e-3), 1e-12);
    assertEquals(2 / 3.0, lr.toUnit(1e-2), 1e-12);
    assertEquals(1.0, lr.toUnit(1e-1), 1e-15);
    assertEquals(Math.sqrt(10) * 1e-3, (Double) lr.fromUnit(0.5), 1e-17);
    for (double v : new double[] {1e-4, 3e-4, 1e-3, 0.0123, 0.05, 0.1}) {
      assertEquals(v, (Double) lr.fromUnit(lr.toUnit(v)), v * 1e-12);
    }
  }

  @Test
  void fromUnitClampsToTheBoundsExactly() {
    assertEquals(-1.0, x.fromUnit(-0.5));
    assertEquals(3.0, x.fromUnit(1.5));
    assertEquals(1e-4, lr.fromUnit(-2.0));
    assertEquals(1e-1, lr.fromUnit(1.0));
    assertEquals(1e-1, lr.fromUnit(7.0));
  }

  @Test
  void containsOnlyDoublesInsideTheBounds() {
    assertTrue(x.contains(-1.0));
    assertTrue(x.contains(3.0));
    assertFalse(x.contains(3.0000001));
    assertFalse(x.contains(Double.NaN));
    assertFalse(x.contains(1L), "integers are not reals");
    assertFalse(x.contains("1.0"));
    assertFalse(x.contains(null));
  }

  @Test
  void logSamplesAreUniformInTheExponent() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 20_000;
    int belowOneHundredth = 0;
    for (int i = 0; i < n; i++) {
      double v = (Double) lr.sample(random);
      assertTrue(lr.contains(v));
      if (v < 1e-2) {
        belowOneHundredth++;
      }
    }
    assertEquals(2 / 3.0, belowOneHundredth / (double) n, 0.015,
        "two of three decades lie below 0.01 (a linear draw would give 0.099)");
  }

  @Test
  void linearSamplesAreUniform() {
    SplittableRandom random = new SplittableRandom(5);
    int n = 20_000;
    int belowZero = 0;
    for (int i = 0; i < n; i++) {
      if ((Double) x.sample(random) < 0) {
        belowZero++;
      }
    }
    assertEquals(0.25, belowZero / (double) n, 0.015);
  }

  @Test
  void toUnitRefusesAValueOutsideNamingTheDimension() {
    assertEquals("dimension 'x': value 4.0 is not a real in [-1.0, 3.0]",
        assertThrows(IllegalArgumentException.class, () -> x.toUnit(4.0)).getMessage());
  }

  @Test
  void constructorErrorsNameTheDimension() {
    assertEquals("dimension 'x': [1.0, 1.0] is not a finite interval",
        assertThrows(IllegalArgumentException.class, () -> RealDimension.of("x", 1, 1))
            .getMessage());
    assertEquals("dimension 'x': [2.0, 1.0] is not a finite interval",
        assertThrows(IllegalArgumentException.class, () -> RealDimension.of("x", 2, 1))
            .getMessage());
    assertEquals("dimension 'x': [NaN, 1.0] is not a finite interval",
        assertThrows(IllegalArgumentException.class, () -> RealDimension.of("x", Double.NaN, 1))
            .getMessage());
    assertEquals("dimension 'x': [0.0, Infinity] is not a finite interval",
        assertThrows(IllegalArgumentException.class,
            () -> RealDimension.of("x", 0, Double.POSITIVE_INFINITY)).getMessage());
    assertEquals("dimension 'lr': a log scale needs a positive lower bound, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> RealDimension.logOf("lr", 0, 1))
            .getMessage());
    assertEquals("'lr rate' is not a dimension name (a letter, then letters, digits, '_', '-' or '.')",
        assertThrows(IllegalArgumentException.class, () -> RealDimension.of("lr rate", 0, 1))
            .getMessage());
  }
}
