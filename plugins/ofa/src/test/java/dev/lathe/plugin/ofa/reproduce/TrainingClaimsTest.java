package dev.lathe.plugin.ofa.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.reproduce.ClaimResult.Verdict;
import dev.lathe.plugin.ofa.supernet.MiniSubnet;
import dev.lathe.plugin.ofa.supernet.SubnetSearch;
import dev.lathe.plugin.ofa.supernet.SupernetStudy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdicts of the training claims, from measurements made up to sit on either side. */
class TrainingClaimsTest {

  /** A decisive budget of 300 steps. */
  private static final SupernetStudy.Budget FULL = new SupernetStudy.Budget(60_000, 1_000, 500,
      300, 32, 1, 3e-3, 80, 30, 200, 300, 30, 5, List.of(0.2), true);

  /** A result on 1,000 test images whose small subnets score {@code ps}, {@code all}, {@code raw}. */
  private static SupernetStudy.Result result(SupernetStudy.Budget budget, double ps, double all,
      double raw, double tau, double evolved, double random, double searchSeconds) {
    List<SupernetStudy.SmallSubnet> small = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      small.add(new SupernetStudy.SmallSubnet(MiniSubnet.uniform(3, 3, 2, 16 + 4 * i), 1e6, ps,
          all, raw));
    }
    List<SupernetStudy.SearchRun> searches = new ArrayList<>();
    for (long seed = 1; seed <= 5; seed++) {
      searches.add(new SupernetStudy.SearchRun(seed, new SubnetSearch.Scored(
          MiniSubnet.largest(), evolved), evolved, new SubnetSearch.Scored(MiniSubnet.smallest(),
          random), random));
    }
    List<SupernetStudy.Scenario> scenarios = List.of(new SupernetStudy.Scenario(2e6,
        new SubnetSearch.Scored(MiniSubnet.smallest(), 0.8), 0.8, searchSeconds, 1));
    return new SupernetStudy.Result(budget, 60_000, 1_000, 600, 900, 1.0, small, 80, tau, null, 5,
        2e6, searches, scenarios);
  }

  @Test
  void differencesBeyondTheNoiseMarginDecide() {
    // at 80 % on 1,000 images the margin is 2·sqrt(0.8·0.2/1000) = 2.5 points
    SupernetStudy.Result better = result(FULL, 0.83, 0.80, 0.50, 0.7, 0.84, 0.80, 1);
    assertEquals(0.0253, better.margin(0.8), 1e-4);
    assertEquals(Verdict.REPRODUCED, TrainingClaims.shrinking(better).verdict());
    assertEquals(Verdict.REPRODUCED, TrainingClaims.recalibration(better).verdict());
    assertEquals(Verdict.REPRODUCED, TrainingClaims.predictor(better).verdict());
    assertEquals(Verdict.REPRODUCED, TrainingClaims.search(better).verdict());
    SupernetStudy.Result tie = result(FULL, 0.81, 0.80, 0.80, 0.59, 0.80, 0.81, 1);
    assertEquals(Verdict.PARTIAL, TrainingClaims.shrinking(tie).verdict());
    assertEquals(Verdict.PARTIAL, TrainingClaims.recalibration(tie).verdict());
    assertEquals(Verdict.NOT_REPRODUCED, TrainingClaims.predictor(tie).verdict());
    assertEquals(Verdict.PARTIAL, TrainingClaims.search(tie).verdict());
    SupernetStudy.Result worse = result(FULL, 0.76, 0.80, 0.85, 0.2, 0.75, 0.80, 1);
    assertEquals(Verdict.NOT_REPRODUCED, TrainingClaims.shrinking(worse).verdict());
    assertEquals(Verdict.NOT_REPRODUCED, TrainingClaims.recalibration(worse).verdict());
    assertEquals(Verdict.NOT_REPRODUCED, TrainingClaims.search(worse).verdict());
  }

  @Test
  void anExtraScenarioMayCostATenthOfTrainingFromScratch() {
    // from scratch: 300 steps of 1 s; a scenario: search + 1 s of measurement
    SupernetStudy.Result cheap = result(FULL, 0.8, 0.8, 0.8, 0.7, 0.8, 0.8, 20);
    assertEquals(300, cheap.scratchSeconds(), 1e-9);
    assertEquals(Verdict.REPRODUCED, TrainingClaims.scenarios(cheap).verdict());
    assertEquals("21.0 s per extra scenario vs 300 s to train one net from scratch (7.0 %)",
        TrainingClaims.scenarios(cheap).measured());
    SupernetStudy.Result dear = result(FULL, 0.8, 0.8, 0.8, 0.7, 0.8, 0.8, 40);
    assertEquals(Verdict.NOT_REPRODUCED, TrainingClaims.scenarios(dear).verdict());
  }

  @Test
  void theQuickBudgetDecidesNoTrainingClaim() {
    SupernetStudy.Result quick = result(SupernetStudy.Budget.QUICK, 0.9, 0.5, 0.1, 0.9, 0.9,
        0.1, 0.1);
    assertEquals(Verdict.PARTIAL, TrainingClaims.shrinking(quick).verdict());
    assertEquals(Verdict.PARTIAL, TrainingClaims.recalibration(quick).verdict());
    assertEquals(Verdict.PARTIAL, TrainingClaims.predictor(quick).verdict());
    assertEquals(Verdict.PARTIAL, TrainingClaims.search(quick).verdict());
    assertEquals(Verdict.PARTIAL, TrainingClaims.scenarios(quick).verdict());
    assertTrue(TrainingClaims.shrinking(quick).note().startsWith("quick budget, too small to"
        + " decide"), TrainingClaims.shrinking(quick).note());
  }
}
