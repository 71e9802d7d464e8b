package dev.lathe.api.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

  private static final Metrics M = Metrics.builder().add("acc", 0.75, "", Origin.MEASURED)
      .add("latency_ms", 12.5, "ms", Origin.MEASURED).build();

  @Test
  void lossIsTheValueWhenMinimisingAndItsNegationWhenMaximising() {
    assertEquals(12.5, Objective.minimize("latency_ms").loss(M));
    assertEquals(-0.75, Objective.maximize("acc").loss(M));
    assertThrows(NoSuchElementException.class, () -> Objective.minimize("energy").loss(M));
  }

  @Test
  void betterIsStrictAndFollowsTheDirection() {
    Objective min = Objective.minimize("latency_ms");
    Objective max = Objective.maximize("acc");
    assertTrue(min.better(1, 2));
    assertFalse(min.better(2, 1));
    assertFalse(min.better(1, 1));
    assertTrue(max.better(2, 1));
    assertFalse(max.better(1, 2));
    assertFalse(max.better(1, 1));
    assertFalse(min.better(Double.NaN, 1));
    assertFalse(max.better(Double.NaN, 1));
  }

  @Test
  void readsAsItsDirectionAndMetric() {
    assertEquals("minimize latency_ms", Objective.minimize("latency_ms").toString());
    assertEquals("maximize acc", Objective.maximize("acc").toString());
    assertThrows(NullPointerException.class, () -> Objective.minimize(null));
  }
}
