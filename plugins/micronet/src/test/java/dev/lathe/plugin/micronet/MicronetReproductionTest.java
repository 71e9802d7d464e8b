package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.Reproduction.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MicronetReproductionTest {

  @Test
  void theScoreClaimIsReproducedExactly() throws Exception {
    MicronetReproduction r = new MicronetReproduction(1, LoggerFactory.getLogger("test"), null);
    ClaimResult result = r.check(MicronetReproduction.SCORE, Mode.QUICK);
    assertEquals(ClaimResult.Verdict.REPRODUCED, result.verdict(), result.toString());
    assertTrue(result.measured().contains("score 0.0387469"), result.measured());
  }

  @Test
  void theShippedSparsitiesAreTheScheduleAndTheQuantisationZeros() throws Exception {
    MicronetLm model = MicronetReproduction.published(3000, 9, List.of(0.0));
    assertEquals(PublishedModel.sparsities(model), MicronetReproduction.publishedSparsities());
  }
}
