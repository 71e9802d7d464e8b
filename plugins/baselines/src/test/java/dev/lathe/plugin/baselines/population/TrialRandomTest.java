package dev.lathe.plugin.baselines.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TrialRandomTest {

  @Test
  void mix64IsTheSplitMix64Finaliser() {
    // the first output of SplitMix64 seeded with 0 is mix64(0x9e3779b97f4a7c15)
    assertEquals(0xe220a8397b1dcdafL, TrialRandom.mix64(0x9e3779b97f4a7c15L));
  }

  @Test
  void streamsDifferForNeighbouringSeedsAndIndicesAndRepeat() {
    HashSet<Long> seen = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      for (long index = 0; index < 50; index++) {
        assertTrue(seen.add(TrialRandom.seed(seed, index)), seed + "/" + index);
      }
    }
    assertEquals(TrialRandom.of(7, 3).nextLong(), TrialRandom.of(7, 3).nextLong());
  }
}
