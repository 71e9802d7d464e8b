package dev.lathe.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TestEvaluationContextTest {

  @Test
  void defaultsAreFirstAttemptNoUpstreamNotCancelled() {
    TestEvaluationContext c = TestEvaluationContext.of("trial-3", 11);
    assertEquals("trial-3", c.trialId());
    assertEquals(1, c.attempt());
    assertEquals(11, c.seed());
    assertEquals(Metrics.empty(), c.upstream());
    assertFalse(c.cancelled());
    assertSame(c.random(), c.random());
    assertEquals(new SplittableRandom(11).nextLong(), c.random().nextLong());
  }

  @Test
  void withersChangeOnePartEach() {
    Metrics upstream = Metrics.builder().add("accuracy", 0.9, "", Origin.PREDICTED).build();
    AtomicBoolean stop = new AtomicBoolean();
    TestEvaluationContext c = TestEvaluationContext.of("t", 1)
        .withAttempt(3).withUpstream(upstream).cancelledWhen(stop::get);
    assertEquals(3, c.attempt());
    assertEquals(upstream, c.upstream());
    assertFalse(c.cancelled());
    stop.set(true);
    assertTrue(c.cancelled());
    assertThrows(IllegalArgumentException.class, () -> c.withAttempt(0));
  }
}
