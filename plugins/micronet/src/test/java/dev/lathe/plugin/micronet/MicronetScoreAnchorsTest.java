package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact figures of the winners' evaluation notebook (arXiv:2005.07877). */
class MicronetScoreAnchorsTest {

  @TempDir Path folder;

  private MicronetScore score(String... settings) {
    TestPluginContext.Builder b = TestPluginContext.builder(new MicronetLmProvider(), folder);
    for (int i = 0; i < settings.length; i += 2) {
      b.set(settings[i], settings[i + 1]);
    }
    return new MicronetLmProvider().micronetScore(b.build());
  }

  private static MicronetLm published() {
    return new MicronetLm(8, 256, 8, 24, 768, 96, 3000, List.of(3500, 25000),
        List.of(256, 64, 4), 267_735, 9, List.of(0.0), List.of(198_232L, 35_479L, 11_858L));
  }

  @Test
  void thePublishedConfigurationScores8296021Parameters() {
    MicronetScore dense = score();
    assertEquals(8_296_021, dense.parameters());
    assertEquals(8_296_021, dense.nonzeroParameters());
    assertEquals(76, dense.tensors().size());
    assertEquals(0, dense.quantizers());
  }

  @Test
  void denseOpsPerTokenAre17427MWithoutCacheAnd18455MWithA2000EntryCache() {
    double noCache = score().ops();
    double cache = score("n_cache", "2000").ops();
    assertEquals("17.427", String.format(java.util.Locale.ROOT, "%.3f", noCache / 1e6));
    assertEquals("18.455", String.format(java.util.Locale.ROOT, "%.3f", cache / 1e6));
    // the cache: a 256 × 2000 product (512,000 multiplications, 510,000 additions), a softmax
    assertEquals(512_000 + 510_000 + 5_999, cache - noCache, 1e-6);
    // multiplications of the notebook's tally: 8 layers of 629,400, the output layers, the
    // input projections weighted by WikiText-103's test bin frequencies
    assertEquals(5_035_200 + 512 + 3_242_940 + 17_408
        + (35_479 * 16_384 + 11_858 * 1_024) / 245_569.0, score().multiplications(), 1e-6);
  }

  @Test
  void thePublishedFinalModelScores0_0387469() {
    MicronetLm model = published();
    String sparsity = PublishedModel.sparsityValue(model);
    MicronetScore s = score("n_cache", "3000", "bits", "9", "sparsity", sparsity);
    assertEquals(8_296_021, s.parameters());
    assertEquals(5_326_376, s.nonzeroParameters());
    assertEquals(1_498_043.25, s.parameterSize());
    assertEquals(259_250.65625, s.maskSize());
    assertEquals(97.96875, s.quantizationSize());
    assertEquals(1_757_391.875, s.size());
    assertEquals(6_301_457.193175849, s.multiplications(), 1e-6);
    assertEquals(6_189_183.4014525, s.additions(), 1e-6);
    assertEquals(845_247, s.others());
    assertEquals(8_806_715.237033207, s.ops(), 1e-6);
    assertEquals("8806715.24", String.format(java.util.Locale.ROOT, "%.2f", s.ops()));
    assertEquals(0.038746852160481786, s.score(), 1e-13);
    assertEquals("0.0387469", String.format(java.util.Locale.ROOT, "%.7f", s.score()));
  }

  @Test
  void theScheduleAloneLeaves5326637NonzeroParameters() {
    MicronetLm model = published();
    List<Double> schedule = model.tensorNames().stream()
        .map(n -> PublishedModel.schedule().getOrDefault(n, 0.0)).toList();
    MicronetScore s = new MicronetLm(8, 256, 8, 24, 768, 96, 3000, List.of(3500, 25000),
        List.of(256, 64, 4), 267_735, 9, schedule, List.of(198_232L, 35_479L, 11_858L)).score();
    assertEquals(5_326_637, s.nonzeroParameters());
  }

  @Test
  void oneSparsityPrunesEveryWeightMatrixButNotBiasesOrPositions() {
    MicronetScore s = score("sparsity", "0.5");
    for (MicronetScore.Tensor t : s.tensors()) {
      boolean pruned = t.name().endsWith(".weight") && !t.name().startsWith("loss.clusters");
      assertEquals(pruned ? t.total() - t.total() / 2 : t.total(), t.nonzero(), t.name());
    }
  }

  @Test
  void aSparsityListOfTheWrongLengthNamesTheTensors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> score("sparsity", "0.1,0.2"));
    assertTrue(e.getMessage().contains("76 for this model, from embed.layers.0.weight to"
        + " loss.projections.1.weight"),
        e.getMessage());
  }

  @Test
  void theNetworkHoldsTheScoredWeightsAndTheTiedOutputTables() {
    TestPluginContext context = TestPluginContext.of(new MicronetLmProvider(), folder);
    var network = new MicronetLmProvider().create(context);
    // the scored tensors less the learned positional terms (no layer kind), plus the output
    // projection's bias of multi-head attention (256 per layer) and LayerNorm's 2 × 2 × 256
    long positions = 8L * 24 * 97;
    assertEquals(8_296_021 - positions + 8 * 256 + 8 * 4 * 256, network.parameters());
    assertEquals(8_296_021 - positions + 8 * 256 + 8 * 4 * 256,
        CostConventions.convLinear().count(network).params());
  }
}
