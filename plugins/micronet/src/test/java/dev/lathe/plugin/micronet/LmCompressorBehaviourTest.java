package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What {@code prune} and {@code quantize} promise on the language model; distill refuses it. */
class LmCompressorBehaviourTest {

  @TempDir Path folder;

  private Compressor compressor(CompressorProvider provider, Map<String, String> settings) {
    TestPluginContext.Builder b = TestPluginContext.builder(provider, folder);
    settings.forEach(b::set);
    return provider.create(b.build());
  }

  private static double value(Metrics report, String name) {
    return report.get(name).orElseThrow(() -> new AssertionError(name + " not in "
        + report.names())).value();
  }

  @Test
  void prunedWeightsAreExactlyZeroAfterFineTuningAndStayZeroThroughQuantisation()
      throws Exception {
    LmModel model = TinyLmFixture.model();
    Compression pruned = compressor(new PruneProvider(), Map.of("sparsity", "0.5", "steps",
        "6")).compress(model);
    LmModel p = (LmModel) pruned.model();
    long weights = 0;
    long zeros = 0;
    for (String name : p.parameterNames()) {
      assertEquals(model.parameter(name).length(), model.nonzero(name), name + " of the input");
      if (p.isWeight(name)) {
        weights += p.parameter(name).length();
        zeros += p.parameter(name).length() - p.nonzero(name);
      } else {
        assertEquals(model.nonzero(name), p.nonzero(name), name + " is not pruned");
      }
    }
    assertTrue(p.isWeight("layers.0.fc.0/weight") && !p.isWeight("loss.clusters/weight")
        && !p.isWeight("layers.0.attention/position"), p.parameterNames().toString());
    assertTrue((double) zeros / weights >= 0.5, zeros + " of " + weights);
    assertEquals((double) zeros / weights, value(pruned.report(), "sparsity"), 1e-12);
    assertTrue(p.sizeBits() < model.sizeBits());
    assertEquals(Math.exp(value(pruned.report(), "loss")),
        value(pruned.report(), "perplexity"), 1e-9);
    assertFalse(pruned.report().has("accuracy"));

    Compression quantized = compressor(new QuantizeProvider(), Map.of("bits", "4", "steps",
        "4")).compress(p);
    LmModel q = (LmModel) quantized.model();
    for (String name : p.parameterNames()) {
      INDArray wasZero = p.parameter(name).eq(0.0);
      INDArray after = q.parameter(name);
      assertEquals(0.0, after.mul(wasZero.castTo(after.dataType())).amaxNumber().doubleValue(),
          name + ": a pruned weight came back");
    }
    double validated = q.open(32).validate().get("loss");
    assertEquals(value(quantized.report(), "loss"), validated, 1e-6);
  }

  @Test
  void quantisedWeightsAndBiasesTakeAtMost2PowBitsValuesPerChannelActivations32Bit()
      throws Exception {
    LmModel model = TinyLmFixture.model();
    Compression c = compressor(new QuantizeProvider(), Map.of("bits", "3", "steps", "4"))
        .compress(model);
    LmModel q = (LmModel) c.model();
    int treated = 0;
    for (String name : q.parameterNames()) {
      if (q.isWeight(name) || q.isBias(name)) {
        treated++;
        assertTrue(Tensors.distinctValuesPerChannel(q.parameter(name)) <= 8, name);
        assertEquals(3, q.bits(name));
      } else {
        assertEquals(32, q.bits(name), name);
      }
    }
    assertTrue(q.isBias("layers.0.fc.0/bias") && !q.isBias("layers.0.ln1/bias"),
        q.parameterNames().toString());
    assertEquals(treated, value(c.report(), "tensors"));
    assertTrue(value(c.report(), "max_values_per_channel") <= 7);
    assertEquals(32, value(c.report(), "activation_bits"));
    assertEquals(32, q.activationBits());
    assertEquals(model.parameterCount(), q.parameterCount());
    assertTrue(q.sizeBits() < model.sizeBits() / 4, q.sizeBits() + " of " + model.sizeBits());
    assertTrue(Double.isFinite(value(c.report(), "perplexity")));
  }

  @Test
  void distillationRefusesTheLanguageModel() {
    LmModel model = TinyLmFixture.model();
    Compressor distill = compressor(new DistillProvider(), Map.of());
    assertFalse(distill.accepts(model));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> distill.compress(model));
    assertTrue(e.getMessage().contains("'distill'") && e.getMessage().contains("teacher"),
        e.getMessage());
    IllegalArgumentException chained = assertThrows(IllegalArgumentException.class,
        () -> Compressor.chain(List.of(distill), model));
    assertTrue(chained.getMessage().contains("micronet-lm"), chained.getMessage());
  }
}
