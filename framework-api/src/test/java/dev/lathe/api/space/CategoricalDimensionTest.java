package dev.lathe.api.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoricalDimensionTest {

  private final CategoricalDimension act = CategoricalDimension.of("act", "relu", "gelu", "swish");

  @Test
  void choicesAreNormalisedToLongAndDouble() {
    CategoricalDimension d = CategoricalDimension.of("mixed", 1, (short) 2, (byte) 3, 2.5f, 4L,
        0.25, true, "x");
    assertEquals(List.of(1L, 2L, 3L, 2.5, 4L, 0.25, true, "x"), d.choices());
    assertEquals(Dimension.Kind.CATEGORICAL, d.kind());
    assertEquals(8, d.cardinality());
  }

  @Test
  void containsComparesNormalisedValues() {
    CategoricalDimension d = CategoricalDimension.of("k", 1, 3, 0.5);
    assertTrue(d.contains(1));
    assertTrue(d.contains(1L));
    assertTrue(d.contains(0.5f));
    assertFalse(d.contains(1.0), "1.0 is a real, the choice is the integer 1");
    assertFalse(d.contains("1"));
    assertFalse(d.contains(2L));
    assertFalse(d.contains(null));
  }

  @Test
  void containsAnswersFalseForAValueOfAnUnsupportedType() {
    assertFalse(act.contains(new BigDecimal("1")));
    assertFalse(act.contains(List.of("relu")));
  }

  @Test
  void choicesMapToTheCentresOfEqualCellsAndBack() {
    assertEquals(1 / 6.0, act.toUnit("relu"));
    assertEquals(0.5, act.toUnit("gelu"));
    assertEquals(5 / 6.0, act.toUnit("swish"));
    for (Object choice : act.choices()) {
      assertEquals(choice, act.fromUnit(act.toUnit(choice)));
    }
  }

  @Test
  void fromUnitSplitsTheIntervalIntoEqualCellsAndClamps() {
    assertEquals("relu", act.fromUnit(0.0));
    assertEquals("relu", act.fromUnit(0.3333));
    assertEquals("gelu", act.fromUnit(0.3334));
    assertEquals("gelu", act.fromUnit(0.6666));
    assertEquals("swish", act.fromUnit(0.6667));
    assertEquals("swish", act.fromUnit(1.0));
    assertEquals("relu", act.fromUnit(-3.0));
    assertEquals("swish", act.fromUnit(42.0));
  }

  @Test
  void indexOfAndToUnitRefuseAnUnknownValueNamingTheDimension() {
    assertEquals(2, act.indexOf("swish"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> act.toUnit("tanh"));
    assertEquals("dimension 'act': value tanh is not one of [relu, gelu, swish]", e.getMessage());
    IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
        () -> act.indexOf(new BigDecimal("2")));
    assertEquals("dimension 'act': value 2 is not one of [relu, gelu, swish]",
        wrongType.getMessage());
  }

  @Test
  void samplingIsUniformOverTheChoices() {
    SplittableRandom random = new SplittableRandom(7);
    Map<Object, Integer> counts = new HashMap<>();
    for (int i = 0; i < 30_000; i++) {
      Object v = act.sample(random);
      assertTrue(act.contains(v));
      counts.merge(v, 1, Integer::sum);
    }
    for (Object choice : act.choices()) {
      assertEquals(10_000, counts.get(choice), 300, "draws of " + choice);
    }
  }

  @Test
  void constructorErrorsNameTheDimension() {
    assertEquals("dimension 'act' has no choices", assertThrows(IllegalArgumentException.class,
        () -> CategoricalDimension.of("act")).getMessage());
    assertEquals("dimension 'k' repeats a choice: [1, 2, 1]",
        assertThrows(IllegalArgumentException.class,
            () -> CategoricalDimension.of("k", 1, 2, 1L)).getMessage());
    IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
        () -> CategoricalDimension.of("act", "relu", new BigDecimal("1.5")));
    assertTrue(wrongType.getMessage().startsWith("dimension 'act': choice 1.5 is a BigDecimal"),
        wrongType.getMessage());
    assertEquals("'2x' is not a dimension name (a letter, then letters, digits, '_', '-' or '.')",
        assertThrows(IllegalArgumentException.class,
            () -> CategoricalDimension.of("2x", "a")).getMessage());
  }

  @Test
  void integerAndRealChoicesOfTheSameNumberAreDistinct() {
    CategoricalDimension d = CategoricalDimension.of("n", 1, 1.0);
    assertEquals(2, d.cardinality());
    assertEquals(0, d.indexOf(1));
    assertEquals(1, d.indexOf(1.0));
  }
}
