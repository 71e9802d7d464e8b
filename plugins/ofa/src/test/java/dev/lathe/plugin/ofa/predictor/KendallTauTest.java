package dev.lathe.plugin.ofa.predictor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** τ-b on hand-counted samples (SciPy's {@code kendalltau} gives the same values). */
class KendallTauTest {

  @Test
  void perfectReversedAndTiedRankings() {
    assertEquals(1.0, KendallTau.tauB(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40}));
    assertEquals(-1.0, KendallTau.tauB(new double[] {1, 2, 3}, new double[] {3, 2, 1}));
    // pairs: (1,2) C, (1,3) C, (1,4) C, (2,3) D, (2,4) C, (3,4) C → (5 − 1) / 6
    assertEquals(4.0 / 6, KendallTau.tauB(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}),
        1e-12);
    // x = [1, 1, 2], y = [1, 2, 3]: one pair tied in x, two concordant → 2 / √(2·3)
    assertEquals(2 / Math.sqrt(6), KendallTau.tauB(new double[] {1, 1, 2},
        new double[] {1, 2, 3}), 1e-12);
  }

  @Test
  void refusesUnequalAndConstantSamples() {
    assertThrows(IllegalArgumentException.class,
        () -> KendallTau.tauB(new double[] {1, 2}, new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> KendallTau.tauB(new double[] {1, 1}, new double[] {1, 2}));
  }
}
