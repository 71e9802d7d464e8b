package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.spi.CompressorProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the compressors promise, on the training plugin's small CNN. */
class CompressorBehaviourTest {

  @TempDir Path folder;

  private Compressor compressor(CompressorProvider provider, Map<String, String> settings) {
    return Compressors.create(provider, folder, settings);
  }

  @Test
  void prunedWeightsAreExactlyZeroAndStayZeroThroughQuantisationAwareTraining()
      throws Exception {
    NetworkModel model = SmallCnnFixture.model();
    Compression pruned = compressor(new PruneProvider(), Map.of("sparsity", "0.6", "steps",
        "12")).compress(model);
    NetworkModel p = (NetworkModel) pruned.model();
    long weights = 0;
    long zeros = 0;
    for (String name : p.parameterNames()) {
      if (p.isWeight(name)) {
        weights += p.parameter(name).length();
        zeros += p.parameter(name).length() - p.nonzero(name);
      } else {
        assertEquals(model.nonzero(name), p.nonzero(name), name + " is not pruned");
      }
    }
    assertTrue((double) zeros / weights >= 0.6, zeros + " of " + weights);
    assertEquals((double) zeros / weights, pruned.report().get("sparsity").orElseThrow().value(), 1e-12);
    assertTrue(p.sizeBits() < model.sizeBits());
    assertTrue(p.network().nodes().stream().anyMatch(n -> n.attributes().sparsity() > 0.5));

    NetworkModel q = (NetworkModel) compressor(new QuantizeProvider(), Map.of("bits", "4",
        "steps", "8")).compress(p).model();
    for (String name : p.parameterNames()) {
      INDArray wasZero = p.parameter(name).eq(0.0);
      INDArray after = q.parameter(name);
      assertEquals(0.0, after.mul(wasZero.castTo(after.dataType())).amaxNumber().doubleValue(),
          name + ": a pruned weight came back");
    }
  }

  @Test
  void quantisedWeightsTakeAtMost2PowBitsValuesPerChannel() throws Exception {
    NetworkModel model = SmallCnnFixture.model();
    Compression c = compressor(new QuantizeProvider(), Map.of("bits", "3", "steps", "6",
        "activations", "false")).compress(model);
    NetworkModel q = (NetworkModel) c.model();
    for (String name : q.parameterNames()) {
      if (q.isWeight(name) || q.isBias(name)) {
        assertTrue(Tensors.distinctValuesPerChannel(q.parameter(name)) <= 8, name);
        assertEquals(3, q.bits(name));
      }
    }
    assertTrue(c.report().get("max_values_per_channel").orElseThrow().value() <= 7);
    assertEquals(model.parameterCount(), q.parameterCount());
    assertTrue(q.sizeBits() <= model.sizeBits() * 3 / 32 + 1);
    // the micronet convention sees the bits
    assertTrue(CostConventions.micronet().count(q.network()).params()
        < CostConventions.micronet().count(model.network()).params() / 8);
    assertTrue(q.validate().get("accuracy") > 0.3, q.validate().toString());
  }

  @Test
  void aChainDistilsPrunesAndQuantises() throws Exception {
    NetworkModel teacher = SmallCnnFixture.model();
    NetworkModel student = NetworkModel.train(SmallCnnFixture.network(),
        teacher.task().withTeacher(teacher), 11, 0, 1e-3);
    Compression chained = Compressor.chain(List.of(
        compressor(new DistillProvider(), Map.of("steps", "10", "top_k", "3")),
        compressor(new PruneProvider(), Map.of("sparsity", "0.5", "steps", "6")),
        compressor(new QuantizeProvider(), Map.of("bits", "8", "steps", "4"))), student);
    for (String metric : new String[] {"distill_loss", "prune_sparsity", "quantize_bits"}) {
      assertTrue(chained.report().has(metric), chained.report().names().toString());
    }
    assertTrue(chained.report().get("prune_sparsity").orElseThrow().value() >= 0.5);
    assertTrue(chained.model().sizeBits() < student.sizeBits() / 4);
    NetworkModel compressed = (NetworkModel) chained.model();
    assertEquals(8, compressed.activationBits());
    assertTrue(compressed.network().nodes().stream()
        .allMatch(n -> n.attributes().activationBits() == 8));
    assertEquals(8, chained.report().get("quantize_activation_bits").orElseThrow().value());
  }

  @Test
  void topKKeepsTheLargestProbabilitiesRenormalised() {
    INDArray p = org.nd4j.linalg.factory.Nd4j.create(new float[][] {{0.1f, 0.6f, 0.3f}});
    INDArray k = Tensors.topK(p, 2);
    assertEquals(0, k.getFloat(0, 0));
    assertEquals(0.6 / 0.9, k.getFloat(0, 1), 1e-6);
    assertEquals(0.3 / 0.9, k.getFloat(0, 2), 1e-6);
  }

  @Test
  void magnitudeMaskPrunesTheFloorOfSparsityTimesElementsSmallestFirst() {
    INDArray w = org.nd4j.linalg.factory.Nd4j.create(new float[] {0.5f, -0.1f, 0.3f, -0.7f,
        0.2f}, new long[] {1, 5}, 'c');
    INDArray mask = Tensors.magnitudeMask(w, 0.5, null);
    assertEquals("[1.0, 0.0, 1.0, 1.0, 0.0]", java.util.Arrays.toString(
        mask.data().asFloat()));
    INDArray keep = org.nd4j.linalg.factory.Nd4j.create(new float[] {0, 1, 1, 1, 1},
        new long[] {1, 5}, 'c');
    assertEquals("[0.0, 0.0, 1.0, 1.0, 1.0]", java.util.Arrays.toString(
        Tensors.magnitudeMask(w, 0.4, keep).data().asFloat()));
  }
}
