package dev.lathe.plugin.micronet;

import static dev.lathe.plugin.micronet.Compressors.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.spi.CompressorProvider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@code prune} and {@code quantize} promise on the language model, its activations
 * quantised; {@code distill} refuses it without a teacher.
 */
class LmCompressorBehaviourTest {

  @TempDir Path folder;

  private Compressor compressor(CompressorProvider provider, Map<String, String> settings) {
    return Compressors.create(provider, folder, settings);
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
    assertEquals(4, q.activationBits());
    double validated = q.open(q.activationBits()).validate().get("loss");
    assertEquals(value(quantized.report(), "loss"), validated, 1e-6);
  }

  @Test
  void quantisedWeightsAndBiasesTakeAtMost2PowBitsValuesPerChannel()
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
    assertEquals(3, value(c.report(), "activation_bits"));
    assertEquals(3, q.activationBits());
    assertEquals(model.parameterCount(), q.parameterCount());
    assertTrue(q.sizeBits() < model.sizeBits() / 4, q.sizeBits() + " of " + model.sizeBits());
    assertTrue(Double.isFinite(value(c.report(), "perplexity")));
  }

  @Test
  void theInputsOfTheMatrixProductsTakeAtMost2PowBitsValuesPerTensor() {
    LmModel model = TinyLmFixture.model();
    List<String> nodes = LanguageModel.matrixInputNodes(model.shape());
    assertTrue(nodes.containsAll(List.of("layers.0.ln1", "layers.0.attention", "layers.0.ln2",
        "layers.0.relu", "layers.0.residual2", "loss.projections.1"))
        && !nodes.contains("layers.0.fc.3")
        && !nodes.contains("layers.0.residual1"), nodes.toString());
    int v = model.shape().vocabulary();
    int[][] tokens = new int[3][model.shape().nSeq()];
    for (int r = 0; r < tokens.length; r++) {
      for (int p = 0; p < tokens[r].length; p++) {
        tokens[r][p] = (r * tokens[r].length + p) * v / (tokens.length * tokens[r].length);
      }
    }
    Map<String, INDArray> quantized = model.with(values(model), Map.of(), 4).instantiate()
        .nodeOutputs(tokens, nodes);
    for (String node : nodes) {
      long levels = distinct(quantized.get(node));
      assertTrue(levels <= 15 && levels >= 3, node + ": " + levels + " values");
      double step = quantized.get(node).amaxNumber().doubleValue() / 7;
      for (float x : quantized.get(node).dup('c').data().asFloat()) {
        assertEquals(Math.rint(x / step), x / step, 1e-3, node + ": " + x + " is not on the grid");
      }
    }
    Map<String, INDArray> exact = model.instantiate().nodeOutputs(tokens, nodes);
    assertTrue(distinct(exact.get("layers.0.ln2")) > 100);
  }

  @Test
  void eightBitActivationsAndQatKeepThePerplexity() throws Exception {
    LmModel model = TinyLmFixture.model();
    double dense = model.open(32).validate().get("perplexity");
    double activations = model.with(values(model), Map.of(), 8).open(8).validate()
        .get("perplexity");
    Compression c = compressor(new QuantizeProvider(), Map.of("bits", "8", "steps", "4"))
        .compress(model);
    assertEquals(8, value(c.report(), "activation_bits"));
    assertEquals(8, ((LmModel) c.model()).activationBits());
    assertEquals(dense, value(c.report(), "perplexity_before"), 1e-9 * dense);
    // measured: 50.46 dense, 50.36 with 8-bit activations, 50.20 after 8-bit QAT (4 updates)
    assertEquals(1, activations / dense, 0.01);
    assertEquals(1, value(c.report(), "perplexity") / dense, 0.02);
    assertTrue(activations != dense);
  }

  private static Map<String, INDArray> values(LmModel model) {
    Map<String, INDArray> values = new LinkedHashMap<>();
    model.parameterNames().forEach(name -> values.put(name, model.parameter(name)));
    return values;
  }

  private static long distinct(INDArray tensor) {
    float[] all = tensor.dup('c').data().asFloat();
    return IntStream.range(0, all.length).mapToObj(i -> all[i]).distinct().count();
  }

  @Test
  void distillationRefusesTheLanguageModelWithoutATeacher() {
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
