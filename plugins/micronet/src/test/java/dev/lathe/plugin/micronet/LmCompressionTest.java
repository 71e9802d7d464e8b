package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Pruning and quantisation of the language model's weight matrices, and their score. */
class LmCompressionTest {

  @Test
  void prunedWeightsStayZeroThroughQuantisationWithFewLevelsPerRow() {
    MicronetLm shape = LanguageModelTest.tiny(0);
    LanguageModel lm = new LanguageModel(shape, 2);
    int[] stream = LanguageModelTest.stream(400);
    LmCorpus corpus = new LmCorpus("test", null, stream, stream, stream, shape.cutoffs());
    Map<String, INDArray> masks = LmCompression.prune(lm, corpus, 2, 0.5, 6, 1e-3);
    assertEquals(List.of("embed.layers.0/weight", "embed.layers.1/weight",
        "embed.layers.2/weight", "embed.projections.1/weight", "embed.projections.2/weight",
        "layers.0.attention/k/weight", "layers.0.attention/out/weight",
        "layers.0.attention/q/weight", "layers.0.attention/v/weight", "layers.0.fc.0/weight",
        "layers.0.fc.3/weight", "layers.1.attention/k/weight", "layers.1.attention/out/weight",
        "layers.1.attention/q/weight", "layers.1.attention/v/weight", "layers.1.fc.0/weight",
        "layers.1.fc.3/weight", "loss.projections.1/weight", "loss.projections.2/weight"),
        List.copyOf(masks.keySet()));
    LmCompression.quantize(lm, corpus, 2, 4, 4, 1e-3, masks);
    masks.forEach((name, mask) -> {
      INDArray w = lm.network().parameter(name);
      assertEquals(0, w.mul(mask.rsub(1.0)).amaxNumber().doubleValue(), name + " pruned zeros");
      long zeros = w.length() - w.neq(0.0).castTo(w.dataType()).sumNumber().longValue();
      assertTrue(zeros >= w.length() / 2, name + ": " + zeros + " zeros of " + w.length());
      assertTrue(Tensors.distinctValuesPerChannel(w) <= 16, name);
    });
    MicronetLm scored = LmCompression.scored(lm, 4);
    Map<String, Long> nonzero = scored.nonzero();
    INDArray table = lm.network().parameter("embed.layers.0/weight");
    assertEquals(table.neq(0.0).castTo(table.dataType()).sumNumber().longValue(),
        nonzero.get("embed.layers.0.weight"));
    long qkv = 0;
    for (String p : List.of("q", "k", "v")) {
      INDArray w = lm.network().parameter("layers.1.attention/" + p + "/weight");
      qkv += w.neq(0.0).castTo(w.dataType()).sumNumber().longValue();
    }
    assertEquals(qkv, nonzero.get("layers.1.qkv.weight"));
    assertEquals(shape.tensorSizes().get("layers.1.qkv.bias"), nonzero.get("layers.1.qkv.bias"));
    assertTrue(scored.score().score() < shape.score().score() / 3);
  }
}
