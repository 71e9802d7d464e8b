package dev.lathe.nd4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  private static final double EXACT = 1e-12;

  @Test
  void constantIsConstant() {
    LearningRateSchedule s = new LearningRateSchedule.Constant(0.1);
    assertEquals(0.1, s.rate(0), EXACT);
    assertEquals(0.1, s.rate(1_000_000), EXACT);
  }

  @Test
  void stepDecayMultipliesAfterEachPeriod() {
    LearningRateSchedule s = new LearningRateSchedule.StepDecay(0.1, 10, 0.5);
    assertEquals(0.1, s.rate(0), EXACT);
    assertEquals(0.1, s.rate(9), EXACT);
    assertEquals(0.05, s.rate(10), EXACT);
    assertEquals(0.025, s.rate(25), EXACT);
    assertEquals(0.1 / 1024, s.rate(100), EXACT);
  }

  @Test
  void cosineFallsFromTheRateToTheFloorThenStays() {
    LearningRateSchedule s = new LearningRateSchedule.Cosine(0.1, 100, 0);
    assertEquals(0.1, s.rate(0), EXACT);
    assertEquals(0.05 * (1 + Math.sqrt(0.5)), s.rate(25), EXACT);
    assertEquals(0.05, s.rate(50), EXACT);
    assertEquals(0.05 * (1 - Math.sqrt(0.5)), s.rate(75), EXACT);
    assertEquals(0, s.rate(100), EXACT);
    assertEquals(0, s.rate(150), EXACT);
    LearningRateSchedule floored = new LearningRateSchedule.Cosine(0.1, 100, 0.01);
    assertEquals(0.055, floored.rate(50), EXACT);
    assertEquals(0.01, floored.rate(1000), EXACT);
  }

  @Test
  void warmupRisesLinearlyToTheRateThenCosineTakesOver() {
    LearningRateSchedule s = new LearningRateSchedule.WarmupCosine(0.1, 10, 110, 0);
    assertEquals(0.01, s.rate(0), EXACT);
    assertEquals(0.05, s.rate(4), EXACT);
    assertEquals(0.1, s.rate(9), EXACT);
    assertEquals(0.1, s.rate(10), EXACT);
    assertEquals(0.05, s.rate(60), EXACT);
    assertEquals(0, s.rate(110), EXACT);
    assertEquals(0, s.rate(500), EXACT);
    LearningRateSchedule noWarmup = new LearningRateSchedule.WarmupCosine(0.1, 0, 100, 0);
    assertEquals(new LearningRateSchedule.Cosine(0.1, 100, 0).rate(30), noWarmup.rate(30), EXACT);
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.Constant(0));
    assertThrows(IllegalArgumentException.class,
        () -> new LearningRateSchedule.Constant(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> new LearningRateSchedule.StepDecay(0.1, 0, 0.5));
    assertThrows(IllegalArgumentException.class,
        () -> new LearningRateSchedule.Cosine(0.1, 10, 0.2));
    assertThrows(IllegalArgumentException.class,
        () -> new LearningRateSchedule.WarmupCosine(0.1, 10, 10, 0));
  }
}
