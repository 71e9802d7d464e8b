package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.LoggerFactory;

/**
 * The language model's weight matrices pruned and quantised by the compressor plugins as the
 * reproduction chains them, and their score.
 */
class LmCompressionTest {

  @Test
  void prunedWeightsStayZeroThroughQuantisationWithFewLevelsPerRow() throws Exception {
    MicronetLm shape = LanguageModelTest.tiny(0);
    LanguageModel lm = new LanguageModel(shape, 2);
    int[] stream = LanguageModelTest.stream(400);
    LmCorpus corpus = new LmCorpus("test", null, stream, stream, stream, shape.cutoffs());
    LmModel dense = LmModel.of(lm, corpus, 2, 2);
    List<String> matrices = dense.parameterNames().stream().filter(dense::isWeight).toList();
    assertEquals(List.of("embed.layers.0/weight", "embed.layers.1/weight",
        "embed.layers.2/weight", "embed.projections.1/weight", "embed.projections.2/weight",
        "layers.0.attention/k/weight", "layers.0.attention/out/weight",
        "layers.0.attention/q/weight", "layers.0.attention/v/weight", "layers.0.fc.0/weight",
        "layers.0.fc.3/weight", "layers.1.attention/k/weight", "layers.1.attention/out/weight",
        "layers.1.attention/q/weight", "layers.1.attention/v/weight", "layers.1.fc.0/weight",
        "layers.1.fc.3/weight", "loss.projections.1/weight", "loss.projections.2/weight"),
        matrices);
    Compression c = Compressor.chain(List.of(
        new PruneCompressor(0.5, 6, LmCompression.FREQUENCY, 1e-3, 2,
            LoggerFactory.getLogger(LmCompressionTest.class)),
        new QuantizeCompressor(4, true, 4, 1e-3, 2,
            LoggerFactory.getLogger(LmCompressionTest.class))), dense);
    LanguageModel compressed = ((LmModel) c.model()).instantiate();
    assertEquals(4, compressed.activationBits());
    long weights = 0;
    long zeros = 0;
    for (String name : matrices) {
      INDArray w = compressed.network().parameter(name);
      weights += w.length();
      zeros += w.length() - w.neq(0.0).castTo(w.dataType()).sumNumber().longValue();
      assertTrue(Tensors.distinctValuesPerChannel(w) <= 16, name);
    }
    assertTrue(zeros >= weights / 2, zeros + " zeros of " + weights);
    MicronetLm scored = LmCompression.scored(compressed, 4);
    Map<String, Long> nonzero = scored.nonzero();
    INDArray table = compressed.network().parameter("embed.layers.0/weight");
    assertEquals(table.neq(0.0).castTo(table.dataType()).sumNumber().longValue(),
        nonzero.get("embed.layers.0.weight"));
    long qkv = 0;
    for (String p : List.of("q", "k", "v")) {
      INDArray w = compressed.network().parameter("layers.1.attention/" + p + "/weight");
      qkv += w.neq(0.0).castTo(w.dataType()).sumNumber().longValue();
    }
    assertEquals(qkv, nonzero.get("layers.1.qkv.weight"));
    assertEquals(shape.tensorSizes().get("layers.1.qkv.bias"), nonzero.get("layers.1.qkv.bias"));
    assertTrue(scored.score().score() < shape.score().score() / 3);
  }
}
