package dev.lathe.api.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IntegerDimensionTest {

  private final IntegerDimension k = new IntegerDimension("k", -3, 9, 3);

  @Test
  void valuesAreLowToHighInSteps() {
    assertEquals(5, k.cardinality());
    assertEquals(Dimension.Kind.INTEGER, k.kind());
    for (long v : List.of(-3L, 0L, 3L, 6L, 9L)) {
      assertTrue(k.contains(v), "contains " + v);
    }
    assertTrue(k.contains(6), "an Integer is an integer");
    assertFalse(k.contains(-6L));
    assertFalse(k.contains(1L), "off the step");
    assertFalse(k.contains(12L));
    assertFalse(k.contains(3.0), "a real is not an integer");
    assertFalse(k.contains("3"));
    assertFalse(k.contains(null));
  }

  @Test
  void everyValueMapsToTheCentreOfItsCellAndBack() {
    double[] centres = {0.1, 0.3, 0.5, 0.7, 0.9};
    long[] values = {-3, 0, 3, 6, 9};
    for (int i = 0; i < values.length; i++) {
      assertEquals(centres[i], k.toUnit(values[i]), 1e-15);
      assertEquals(values[i], k.fromUnit(k.toUnit(values[i])));
    }
    IntegerDimension bits = IntegerDimension.of("bits", 1, 8);
    for (long v = 1; v <= 8; v++) {
      assertEquals(v, bits.fromUnit(bits.toUnit(v)));
    }
  }

  @Test
  void fromUnitClampsAndGivesLongs() {
    assertEquals(-3L, k.fromUnit(0.0));
    assertEquals(-3L, k.fromUnit(0.1999));
    assertEquals(0L, k.fromUnit(0.2));
    assertEquals(9L, k.fromUnit(1.0));
    assertEquals(-3L, k.fromUnit(-1e9));
    assertEquals(9L, k.fromUnit(1e9));
  }

  @Test
  void aSingleValueSitsInTheMiddle() {
    IntegerDimension one = IntegerDimension.of("one", 4, 4);
    assertEquals(1, one.cardinality());
    assertEquals(0.5, one.toUnit(4L));
    assertEquals(4L, one.fromUnit(0.0));
    assertEquals(4L, one.fromUnit(1.0));
  }

  @Test
  void samplesAreUniformOverTheSteps() {
    SplittableRandom random = new SplittableRandom(11);
    TreeMap<Long, Integer> counts = new TreeMap<>();
    for (int i = 0; i < 25_000; i++) {
      counts.merge((Long) k.sample(random), 1, Integer::sum);
    }
    assertEquals(List.of(-3L, 0L, 3L, 6L, 9L), List.copyOf(counts.keySet()));
    counts.values().forEach(c -> assertEquals(5_000, c, 250));
  }

  @Test
  void toUnitRefusesAnIllegalValueNamingTheDimension() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.toUnit(4L));
    assertEquals("dimension 'k': value 4 is not an integer in [-3, 9] step 3", e.getMessage());
  }

  @Test
  void constructorErrorsNameTheDimension() {
    String need = " is not a range (need low <= high, step >= 1 dividing high - low)";
    assertEquals("dimension 'w': [0, 10] step 0" + need,
        assertThrows(IllegalArgumentException.class,
            () -> new IntegerDimension("w", 0, 10, 0)).getMessage());
    assertEquals("dimension 'w': [5, 4] step 1" + need,
        assertThrows(IllegalArgumentException.class,
            () -> IntegerDimension.of("w", 5, 4)).getMessage());
    assertEquals("dimension 'w': [0, 10] step 3" + need,
        assertThrows(IllegalArgumentException.class,
            () -> new IntegerDimension("w", 0, 10, 3)).getMessage());
    assertEquals("'' is not a dimension name (a letter, then letters, digits, '_', '-' or '.')",
        assertThrows(IllegalArgumentException.class,
            () -> IntegerDimension.of("", 0, 1)).getMessage());
  }
}
