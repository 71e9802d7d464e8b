package dev.lathe.plugin.baselines.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Origin;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.ClaimResult.Verdict;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.reproduce.Reproduction.Mode;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesReproductionTest {

  private static final BaselinesReproductionProvider PROVIDER =
      new BaselinesReproductionProvider();

  @TempDir
  Path folder;

  private Reproduction reproduction(long seed, Map<String, String> settings) {
    return PROVIDER.create(
        TestPluginContext.builder(PROVIDER, folder).seed(seed).settings(settings).build());
  }

  private static Map<String, ClaimResult> checkAll(Reproduction reproduction) throws Exception {
    Map<String, ClaimResult> results = new LinkedHashMap<>();
    for (Claim claim : reproduction.claims()) {
      ClaimResult result = reproduction.check(claim, Mode.QUICK);
      assertEquals(claim, result.claim());
      results.put(claim.id(), result);
    }
    return results;
  }

  @Test
  void everyClaimReproducesInQuickMode() throws Exception {
    Map<String, ClaimResult> results = checkAll(reproduction(20240601, Map.of()));
    assertEquals(List.of("branin-minimisers", "branin-grid", "hartmann6-minimiser",
        "hartmann6-random", "zdt1-front", "zdt1-nondominated"), List.copyOf(results.keySet()));
    results.values().forEach(r -> {
      assertEquals(Verdict.REPRODUCED, r.verdict(), r::toString);
      assertFalse(r.note().isBlank(), r.claim().id());
    });
  }

  @Test
  void resultsReportTheirFiguresAndHowTheyWereObtained() throws Exception {
    Map<String, ClaimResult> results = checkAll(reproduction(3, Map.of("dimensions", "5")));
    assertEquals("0.397887358, 0.397887358, 0.397887358",
        results.get("branin-minimisers").measured());
    String grid = results.get("branin-grid").measured();
    double gridMinimum = Double.parseDouble(grid.split(" ")[1]);
    assertTrue(gridMinimum > 0.397887 && gridMinimum < 0.397887 + 1e-4, grid);
    assertEquals("-3.322368011", results.get("hartmann6-minimiser").measured());
    assertEquals("max |f2 - (1 - sqrt(f1))| = 0.0e+00 over 101 points",
        results.get("zdt1-front").measured());
    assertEquals("0 of 101 front points dominated by 10000 samples",
        results.get("zdt1-nondominated").measured());
    assertTrue(results.get("zdt1-nondominated").note().startsWith("n = 5, seed 3"));

    Map<String, Origin> origins = new LinkedHashMap<>();
    results.forEach((id, r) -> origins.put(id, r.origin()));
    assertEquals(Map.of("branin-minimisers", Origin.ANALYTIC, "branin-grid", Origin.ANALYTIC,
        "hartmann6-minimiser", Origin.ANALYTIC, "hartmann6-random", Origin.MEASURED,
        "zdt1-front", Origin.ANALYTIC, "zdt1-nondominated", Origin.MEASURED), origins);
  }

  @Test
  void randomClaimsAreRepeatableFromTheSeed() throws Exception {
    Claim claim = BaselinesReproduction.HARTMANN6_RANDOM;
    String first = reproduction(11, Map.of()).check(claim, Mode.QUICK).measured();
    assertEquals(first, reproduction(11, Map.of()).check(claim, Mode.QUICK).measured());
    assertFalse(first.equals(reproduction(12, Map.of()).check(claim, Mode.QUICK).measured()));
  }

  @Test
  void claimsCiteTheLiterature() {
    Reproduction reproduction = reproduction(1, Map.of());
    assertEquals("baselines", reproduction.id());
    assertEquals(reproduction.claims().size(),
        new HashSet<>(reproduction.claims().stream().map(Claim::id).toList()).size());
    for (Claim claim : reproduction.claims()) {
      String expected = claim.id().startsWith("zdt1") ? "Zitzler, Deb & Thiele 2000"
          : "Dixon & Szegő 1978";
      assertTrue(claim.source().contains(expected), claim.id() + ": " + claim.source());
    }
  }

  @Test
  void anUnknownClaimIsRefusedByName() {
    Claim foreign = new Claim("resnet-accuracy", "ResNet-50 reaches 76%", "76%", "Table 1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> reproduction(1, Map.of()).check(foreign, Mode.QUICK));
    assertTrue(e.getMessage().contains("'resnet-accuracy'"), e.getMessage());
  }

  @Test
  void providerDeclaresTheReproduction() {
    assertEquals("baselines", PROVIDER.info().id());
    assertTrue(PROVIDER.info().paper().isEmpty());
    assertEquals(List.of("dimensions"),
        PROVIDER.parameters().stream().map(p -> p.name()).toList());
  }
}
