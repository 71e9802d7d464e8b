package dev.lathe.api.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "latency_ms", "top1", "Z9_x_"})
  void namesAreALetterThenLettersDigitsOrUnderscores(String name) {
    assertEquals(name, new Metric(name, 1, "", Origin.ANALYTIC).name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1a", "_a", "a-b", "a.b", "a b", "größe", "ms\n"})
  void otherNamesAreRefusedWithTheRule(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Metric(name, 1, "", Origin.MEASURED));
    assertEquals("'" + name + "' is not a metric name (a letter, then letters, digits or '_')",
        e.getMessage());
  }

  @Test
  void nullNameUnitAndOriginAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Metric(null, 1, "", Origin.MEASURED));
    assertThrows(NullPointerException.class, () -> new Metric("a", 1, null, Origin.MEASURED));
    assertThrows(NullPointerException.class, () -> new Metric("a", 1, "", null));
  }

  @Test
  void keepsTheOrderOfAdditionAndALaterMetricReplacesAnEarlierOne() {
    Metrics m = Metrics.builder()
        .add("zeta", 1, "", Origin.ANALYTIC)
        .add("alpha", 2, "ms", Origin.MEASURED)
        .add("mid", 3, "J", Origin.SIMULATED)
        .add("zeta", 4, "", Origin.PREDICTED)
        .build();
    assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(m.names()));
    assertEquals(3, m.size());
    assertEquals(4.0, m.value("zeta"));
    assertEquals(Optional.of(new Metric("alpha", 2, "ms", Origin.MEASURED)), m.get("alpha"));
    assertEquals(List.of(new Metric("zeta", 4, "", Origin.PREDICTED),
        new Metric("alpha", 2, "ms", Origin.MEASURED), new Metric("mid", 3, "J", Origin.SIMULATED)),
        List.copyOf(m.all()));
    assertTrue(m.has("mid"));
    assertFalse(m.has("beta"));
    assertEquals(Optional.empty(), m.get("beta"));
  }

  @Test
  void plusAppendsAndTheOtherSideWinsOnAClash() {
    Metrics left = Metrics.builder().add("a", 1, "", Origin.ANALYTIC)
        .add("b", 2, "", Origin.ANALYTIC).add("c", 3, "", Origin.ANALYTIC).build();
    Metrics right = Metrics.builder().add("d", 4, "", Origin.MEASURED)
        .add("b", 20, "ms", Origin.MEASURED).build();
    Metrics both = left.plus(right);
    assertEquals(List.of("a", "b", "c", "d"), List.copyOf(both.names()));
    assertEquals(new Metric("b", 20, "ms", Origin.MEASURED), both.get("b").orElseThrow());
    assertEquals(List.of(1.0, 20.0, 3.0, 4.0),
        both.all().stream().map(Metric::value).toList());
    assertEquals(List.of("a", "b", "c"), List.copyOf(left.names()), "left is unchanged");
    assertSame(left, left.plus(Metrics.empty()));
    assertEquals(right, Metrics.empty().plus(right));
  }

  @Test
  void valueOfAMissingMetricListsThePresentNames() {
    Metrics m = Metrics.builder().add("acc", 0.9, "", Origin.MEASURED)
        .add("latency_ms", 12, "ms", Origin.MEASURED).build();
    NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> m.value("energy"));
    assertEquals("no metric 'energy'; present: [acc, latency_ms]", e.getMessage());
    assertEquals("no metric 'x'; present: []",
        assertThrows(NoSuchElementException.class, () -> Metrics.empty().value("x")).getMessage());
  }

  @Test
  void emptyBuilderGivesTheEmptyMetricsAndEqualityIsByContent() {
    assertSame(Metrics.empty(), Metrics.builder().build());
    assertEquals(0, Metrics.empty().size());
    Metrics one = Metrics.builder().add("a", Double.NaN, "", Origin.MEASURED).build();
    Metrics same = Metrics.builder().add("a", Double.NaN, "", Origin.MEASURED).build();
    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
    assertThrows(UnsupportedOperationException.class, () -> one.names().add("b"));
  }
}
