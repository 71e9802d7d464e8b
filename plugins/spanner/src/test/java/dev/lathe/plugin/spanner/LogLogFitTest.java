package dev.lathe.plugin.spanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogLogFitTest {

  @Test
  void aPowerLawIsFittedExactly() {
    LogLogFit fit = LogLogFit.of(List.of(1.0, 2.0, 4.0, 8.0), List.of(3.0, 12.0, 48.0, 192.0));
    assertEquals(2, fit.slope(), 1e-12);
    assertEquals(3, fit.scale(), 1e-12);
    assertEquals(0, fit.slopeError(), 1e-7);
    assertEquals(4, fit.points());
  }

  @Test
  void theSlopeComesWithItsConfidenceInterval() {
    // ln x = 0, 1, 2 and ln y = 0, 2, 2: slope 1, intercept 1/3, residuals -1/3, 2/3, -1/3,
    // SSR = 2/3, standard error √(SSR / 1 / S_xx) = √(1/3); t(0.975, 1) = 12.706.
    double e = Math.E;
    LogLogFit fit = LogLogFit.of(List.of(1.0, e, e * e), List.of(1.0, e * e, e * e));
    assertEquals(1, fit.slope(), 1e-12);
    assertEquals(Math.exp(1.0 / 3), fit.scale(), 1e-12);
    assertEquals(Math.sqrt(1.0 / 3), fit.slopeError(), 1e-12);
    assertEquals(12.706 * Math.sqrt(1.0 / 3), fit.slopeHalfWidth95(), 1e-12);
    assertTrue(Double.isNaN(LogLogFit.of(List.of(1.0, 2.0), List.of(1.0, 2.0))
        .slopeHalfWidth95()));
  }

  @Test
  void refusesTooFewOrNonPositivePoints() {
    assertThrows(IllegalArgumentException.class, () -> LogLogFit.of(List.of(1.0),
        List.of(1.0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogLogFit.of(List.of(1.0, 0.0), List.of(1.0, 1.0)));
    assertEquals("a log-log fit needs positive values, got (0.0, 1.0)", e.getMessage());
  }
}
