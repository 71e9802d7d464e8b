package dev.lathe.plugin.sparch.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.ClaimResult.Verdict;
import dev.lathe.api.reproduce.Reproduction.Mode;
import dev.lathe.plugin.sparch.reproduce.AblationLadder.Row;
import dev.lathe.plugin.sparch.reproduce.AblationLadder.Step;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The quick reproduction's claims and the ladder's mechanisms on single matrices. */
class SparchReproductionTest {

  private static final Map<String, ClaimResult> RESULTS = new LinkedHashMap<>();
  private static final Map<String, Row> ROWS = new LinkedHashMap<>();

  @BeforeAll
  static void runQuickMode() throws Exception {
    SparchReproduction reproduction = new SparchReproduction(20200218,
        Path.of("no-such-folder"), LoggerFactory.getLogger(SparchReproductionTest.class));
    for (Claim claim : reproduction.claims()) {
      RESULTS.put(claim.id(), reproduction.check(claim, Mode.QUICK));
    }
    reproduction.rows(Mode.QUICK).forEach(r -> ROWS.put(r.name(), r));
  }

  private static double measured(String claim) {
    return Double.parseDouble(RESULTS.get(claim).measured().replaceAll("x .*", ""));
  }

  @Test
  void everySimulatedProductIsExact() {
    ClaimResult exact = RESULTS.get("exact-product");
    assertEquals(Verdict.REPRODUCED, exact.verdict(), exact.toString());
    assertEquals("C exact on 8 of 8 matrices", exact.measured());
  }

  @Test
  void everyTechniqueCutsTrafficOnAverage() {
    for (String claim : new String[] {"condensing", "huffman", "prefetch", "vs-outerspace",
        "speedup"}) {
      assertTrue(measured(claim) > 1, claim + ": " + RESULTS.get(claim));
      assertTrue(RESULTS.get(claim).note().contains("rmat-12"), RESULTS.get(claim).note());
    }
    assertTrue(measured("vs-outerspace") > 2, RESULTS.get("vs-outerspace").toString());
  }

  @Test
  void huffmanSchedulingMattersOnlyWhereThereAreMoreLeavesThanTreeInputs() {
    assertEquals(List.of("Pd", "Erdos971", "jagmesh7", "bcspwr10", "dwt_992", "G51", "rmat-12",
        "uniform-13"), List.copyOf(ROWS.keySet()));
    Row g51 = ROWS.get("G51");
    // 156 condensed columns > 64 inputs: several rounds, Huffman spills far less
    assertTrue(g51.step(Step.CONDENSED).rounds() > 1);
    assertTrue(g51.trafficRatio(g51.step(Step.CONDENSED), g51.step(Step.HUFFMAN)) > 1.5);
    Row pd = ROWS.get("Pd");
    // at most 5 entries per row: one round either way, nothing spilled
    assertEquals(1, pd.step(Step.CONDENSED).rounds());
    assertEquals(0, pd.step(Step.HUFFMAN).traffic().partialWrite());
    assertEquals(pd.step(Step.CONDENSED).traffic(), pd.step(Step.HUFFMAN).traffic());
    assertTrue(pd.exact() && !pd.integerValued() && g51.exact() && g51.integerValued());
  }

  @Test
  void suiteSparseFiguresAreThoseOfTheReport() {
    // docs/reproductions/sparch.md, per-matrix table: the simulation is deterministic
    Row pd = ROWS.get("Pd");
    assertEquals(1_815_168, pd.outerSpace().traffic().total());
    assertEquals(618_880, pd.step(Step.PREFETCH).traffic().total());
    assertEquals(2.86, pd.trafficRatio(pd.step(Step.PIPELINED), pd.step(Step.CONDENSED)), 0.005);
    Row g51 = ROWS.get("G51");
    assertEquals(2.60, g51.trafficRatio(g51.step(Step.CONDENSED), g51.step(Step.HUFFMAN)),
        0.005);
    Row dwt = ROWS.get("dwt_992");
    assertEquals(9.48, dwt.trafficRatio(dwt.outerSpace(), dwt.step(Step.PREFETCH)), 0.005);
    assertEquals(4.43, (double) dwt.outerSpace().cycles() / dwt.step(Step.PREFETCH).cycles(),
        0.005);
  }

  @Test
  void refusesAForeignClaim() {
    SparchReproduction reproduction = new SparchReproduction(1, Path.of("x"),
        LoggerFactory.getLogger(SparchReproductionTest.class));
    assertThrows(IllegalArgumentException.class, () -> reproduction.check(
        new Claim("other", "s", "p", "q"), Mode.QUICK));
  }

  @Test
  void verdictComparesTheEffectsInLogarithms() {
    // 1.5x: half the effect is sqrt(1.5) = 1.22x, twice the effect 2.25x
    assertEquals(Verdict.REPRODUCED, SparchReproduction.verdict(1.23, 1.5));
    assertEquals(Verdict.REPRODUCED, SparchReproduction.verdict(2.2, 1.5));
    assertEquals(Verdict.PARTIAL, SparchReproduction.verdict(1.15, 1.5));
    assertEquals(Verdict.PARTIAL, SparchReproduction.verdict(2.4, 1.5));
    assertEquals(Verdict.NOT_REPRODUCED, SparchReproduction.verdict(1.0, 1.5));
    assertEquals(Verdict.NOT_REPRODUCED, SparchReproduction.verdict(0.8, 5.4));
    assertEquals(Verdict.REPRODUCED, SparchReproduction.verdict(3.33, 2.8));
  }

  @Test
  void geometricMean() {
    assertEquals(4.0, AblationLadder.geometricMean(new double[] {2, 8}), 1e-12);
  }
}
