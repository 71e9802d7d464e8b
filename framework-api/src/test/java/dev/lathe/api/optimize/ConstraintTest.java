package dev.lathe.api.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Constraint.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintTest {

  private static Metrics value(String name, double v) {
    return Metrics.builder().add(name, v, "", Origin.MEASURED).build();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "latency_ms <= 25 | latency_ms | AT_MOST | 25",
      "acc>=0.9 | acc | AT_LEAST | 0.9",
      "  x   <=   -3  | x | AT_MOST | -3",
      "x >= 1e-3 | x | AT_LEAST | 0.001",
      "x <= 2.5E+2 | x | AT_MOST | 250",
      "x <= -1.5e-7 | x | AT_MOST | -1.5e-7",
      "x >= +5 | x | AT_LEAST | 5",
      "x <= .5 | x | AT_MOST | 0.5",
      "E1 <= Infinity | E1 | AT_MOST | Infinity",
      "x >= -Infinity | x | AT_LEAST | -Infinity"})
  void parsesMetricRelationAndBound(String text, String metric, Relation relation, double bound) {
    assertEquals(new Constraint(metric, relation, bound), Constraint.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"x < 5", "x = 5", "x <= abc", "<= 5", "1x <= 5", "x-y <= 5",
      "x <= NaN", "x <=", "x <= 5 ms", ""})
  void refusesOtherFormsNamingTheText(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Constraint.parse(text));
    assertEquals("'" + text + "' is not a constraint (expected METRIC <= NUMBER or METRIC >= NUMBER)",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"x <= 1..2 | 1..2", "x >= e | e", "x <= 1e | 1e",
      "x <= - | -"})
  void refusesABoundThatIsNoNumberNamingIt(String text, String bound) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Constraint.parse(text));
    assertEquals("'" + text + "': '" + bound + "' is not a number", e.getMessage());
  }

  @Test
  void aNanBoundIsRefused() {
    assertEquals("constraint on 'x' has a NaN bound", assertThrows(IllegalArgumentException.class,
        () -> new Constraint("x", Relation.AT_MOST, Double.NaN)).getMessage());
  }

  @Test
  void violationIsTheDistanceOutsideTheBound() {
    Constraint atMost = Constraint.parse("latency_ms <= 25");
    assertEquals(5.0, atMost.violation(value("latency_ms", 30)));
    assertEquals(0.0, atMost.violation(value("latency_ms", 25)));
    assertEquals(0.0, atMost.violation(value("latency_ms", -100)));
    Constraint atLeast = Constraint.parse("acc >= 0.75");
    assertEquals(0.25, atLeast.violation(value("acc", 0.5)));
    assertEquals(0.0, atLeast.violation(value("acc", 0.75)));
    assertEquals(Double.POSITIVE_INFINITY,
        atMost.violation(value("latency_ms", Double.POSITIVE_INFINITY)));
    assertTrue(atLeast.satisfiedBy(value("acc", 1)));
    assertFalse(atLeast.satisfiedBy(value("acc", 0.7499)));
  }

  @Test
  void aMissingOrNanMetricViolatesInfinitely() {
    Constraint c = Constraint.parse("acc >= 0.5");
    assertEquals(Double.POSITIVE_INFINITY, c.violation(Metrics.empty()));
    assertEquals(Double.POSITIVE_INFINITY, c.violation(value("loss", 0.9)));
    assertEquals(Double.POSITIVE_INFINITY, c.violation(value("acc", Double.NaN)));
    assertFalse(c.satisfiedBy(value("acc", Double.NaN)));
  }

  @Test
  void readsAsMetricSymbolBound() {
    assertEquals("latency_ms <= 25.0", Constraint.parse("latency_ms<=25").toString());
    assertEquals("acc >= 0.9", Constraint.parse("acc >= 0.9").toString());
    assertEquals(Constraint.parse("acc >= 0.9"), Constraint.parse(Constraint.parse("acc>=.9").toString()));
  }
}
