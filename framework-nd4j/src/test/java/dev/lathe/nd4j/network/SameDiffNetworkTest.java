package dev.lathe.nd4j.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.DynamicConvolution;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.Layer;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.TemporalShift;
import dev.lathe.nd4j.train.Checkpoint;
import dev.lathe.nd4j.train.Dataset;
import dev.lathe.nd4j.train.LearningRateSchedule;
import dev.lathe.nd4j.train.Trainer;
import dev.lathe.nd4j.train.TrainingConfig;
import dev.lathe.nd4j.train.Updater;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SameDiffNetworkTest {

  /** conv 1→4 k3 (no bias), batch norm, ReLU, global average pooling, linear 4→3. */
  private static Network convBn() {
    return Network.builder("conv-bn").input("image", Shape.of(1, 6, 6))
        .add("conv", Convolution.conv2d(1, 4, 3).withBias(false))
        .add("bn", Normalization.batch(4))
        .add("relu", Activation.RELU)
        .add("pool", Pooling.globalAvg())
        .add("flat", new Flatten())
        .add("fc", Linear.of(4, 3))
        .build();
  }

  private static Network mlp() {
    return Network.builder("mlp").input("x", Shape.of(5))
        .add("hidden", Linear.of(5, 8))
        .add("relu", Activation.RELU)
        .add("out", Linear.of(8, 2))
        .build();
  }

  @Test
  void parametersAreNamedAfterTheirNodesInPyTorchsLayouts() {
    SameDiffNetwork net = SameDiffNetwork.build(convBn(), 1);
    assertEquals(List.of("bn/bias", "bn/weight", "conv/weight", "fc/bias", "fc/weight"),
        net.parameterNames());
    assertArrayEquals(new long[] {4, 1, 3, 3}, net.parameter("conv/weight").shape());
    assertArrayEquals(new long[] {3, 4}, net.parameter("fc/weight").shape());
    assertEquals(List.of("bn/running_mean", "bn/running_var"),
        List.copyOf(net.runningStatistics().keySet()));
    assertEquals(4 * 9 + 2 * 4 + 4 * 3 + 3, net.parameterCount());
    assertEquals(convBn().parameters(), net.parameterCount());
    NoSuchElementException e = assertThrows(NoSuchElementException.class,
        () -> net.parameter("fc/gamma"));
    assertTrue(e.getMessage().startsWith("network 'conv-bn' has no parameter 'fc/gamma'"),
        e.getMessage());
  }

  @Test
  void weightsStartAsHeAndXavierStateAndBiasesAndScalesAsPyTorch() {
    Network network = Network.builder("wide").input("image", Shape.of(64, 4, 4))
        .add("conv", Convolution.conv2d(64, 64, 3))
        .add("bn", Normalization.batch(64))
        .add("flat", new Flatten())
        .add("fc", Linear.of(64 * 2 * 2, 300))
        .build();
    SameDiffNetwork net = SameDiffNetwork.build(network, 5);
    double[] conv = values(net.parameter("conv/weight"));
    assertEquals(0, mean(conv), 0.01);
    assertEquals(Math.sqrt(2.0 / (64 * 9)), Math.sqrt(mean(square(conv))), 0.002,
        "He: standard deviation √(2 / fan-in)");
    double[] fc = values(net.parameter("fc/weight"));
    double bound = Math.sqrt(6.0 / (256 + 300));
    assertEquals(bound, Arrays.stream(fc).map(Math::abs).max().orElseThrow(), bound * 0.001,
        "Xavier: uniform in ±√(6 / (fan-in + fan-out))");
    assertEquals(bound / Math.sqrt(3), Math.sqrt(mean(square(fc))), bound * 0.01);
    assertEquals(0, net.parameter("conv/bias").sumNumber().doubleValue());
    assertEquals(64, net.parameter("bn/weight").sumNumber().doubleValue());
    assertEquals(0, net.parameter("bn/bias").sumNumber().doubleValue());
    assertEquals(64, net.parameter("bn/running_var").sumNumber().doubleValue());
  }

  @Test
  void eachParameterDrawsFromTheSeedAndItsOwnName() {
    INDArray fc = SameDiffNetwork.build(convBn(), 3).parameter("fc/weight");
    assertEquals(fc, SameDiffNetwork.build(convBn(), 3).parameter("fc/weight"));
    assertNotEquals(fc, SameDiffNetwork.build(convBn(), 4).parameter("fc/weight"));
    Network wider = Network.builder("other").input("image", Shape.of(1, 6, 6))
        .add("conv0", Convolution.conv2d(1, 4, 3))
        .add("conv", Convolution.conv2d(1, 4, 3).withBias(false), "image")
        .add("pool", Pooling.globalAvg())
        .add("flat", new Flatten())
        .add("fc", Linear.of(4, 3))
        .outputs("conv0", "fc")
        .build();
    assertEquals(fc, SameDiffNetwork.build(wider, 3).parameter("fc/weight"),
        "other nodes change nothing");
  }

  @Test
  void batchNormalisationComputesDifferentlyInTrainingAndInInferenceMode() {
    SameDiffNetwork net = SameDiffNetwork.build(convBn(), 1);
    assertTrue(net.hasModes());
    assertEquals("conv", net.inferenceVariable("conv"), "before the batch norm: one variable");
    assertEquals("bn", net.trainingVariable("bn"));
    assertEquals("bn/inference", net.inferenceVariable("bn"));
    assertEquals("fc/inference", net.inferenceVariable("fc"));
    INDArray images = Nd4j.rand(DataType.FLOAT, 4, 1, 6, 6);
    INDArray normalised = net.graph().outputSingle(Map.of("image", images), "bn");
    double[] perChannelMean = values(normalised.mean(0, 2, 3));
    for (double m : perChannelMean) {
      assertEquals(0, m, 1e-5, "training mode: the batch's own statistics");
    }
    INDArray inference = net.graph().outputSingle(Map.of("image", images), "bn/inference");
    INDArray conv = net.graph().outputSingle(Map.of("image", images), "conv");
    assertTrue(conv.div(Math.sqrt(1 + SameDiffNetwork.NORM_EPSILON)).equalsWithEps(inference,
        1e-5), "inference mode: running mean 0 and variance 1 at the start");
  }

  @Test
  void aTrainingStepUpdatesTheRunningStatisticsAndEvaluationUsesThem() {
    SameDiffNetwork net = SameDiffNetwork.build(convBn(), 1);
    NetworkClassifier classifier = net.classifier("fc");
    assertEquals("fc", classifier.training().output());
    assertEquals("fc/inference", classifier.inference().output());
    assertEquals("loss/inference", classifier.inference().loss());
    INDArray images = Nd4j.rand(DataType.FLOAT, 8, 1, 6, 6).muli(4).addi(1);
    Dataset data = Dataset.ofClasses(images, new int[] {0, 1, 2, 0, 1, 2, 0, 1}, 3);
    INDArray conv = net.graph().outputSingle(Map.of("image", images), "conv");
    Trainer trainer = new Trainer(classifier.training(), TrainingConfig.of(
        new Updater.Sgd(0, false, 0), new LearningRateSchedule.Constant(1e-6), 8, 1));
    trainer.step(data);
    INDArray mean = conv.mean(0, 2, 3);
    assertTrue(mean.mul(0.1).equalsWithEps(net.parameter("bn/running_mean"), 1e-5),
        "0.9 · 0 + 0.1 · the batch mean");
    double n = 8 * 4 * 4;
    INDArray unbiased = conv.var(false, 0, 2, 3).mul(n / (n - 1));
    assertTrue(unbiased.mul(0.1).add(0.9).equalsWithEps(net.parameter("bn/running_var"), 1e-4),
        "0.9 · 1 + 0.1 · the unbiased batch variance");
    INDArray running = net.parameter("bn/running_mean").dup();
    double accuracy = classifier.accuracy(data, 3).evaluate(classifier.training())
        .get("accuracy");
    assertTrue(accuracy >= 0 && accuracy <= 1);
    assertEquals(running, net.parameter("bn/running_mean"), "evaluation changes nothing");
    INDArray logits = net.graph().outputSingle(Map.of("image", images), "fc/inference");
    assertEquals(logits, net.predict(Map.of("image", images)).get("fc"));
  }

  @Test
  void checkpointsCarryTheRunningStatisticsSoAResumedRunContinuesExactly(@TempDir Path dir)
      throws IOException {
    INDArray images = Nd4j.rand(DataType.FLOAT, 8, 1, 6, 6).muli(4).addi(1);
    Dataset data = Dataset.ofClasses(images, new int[] {0, 1, 2, 0, 1, 2, 0, 1}, 3);
    TrainingConfig config = TrainingConfig.of(Updater.adam(),
        new LearningRateSchedule.Constant(1e-2), 4, 7);
    NetworkClassifier uninterrupted = SameDiffNetwork.build(convBn(), 1).classifier("fc");
    assertEquals(List.of("bn/running_mean", "bn/running_var"),
        List.copyOf(uninterrupted.training().buffers().keySet()));
    Trainer first = new Trainer(uninterrupted.training(), config);
    first.fit(data, 1);
    Path file = dir.resolve("bn.zip");
    first.save(file);
    first.fit(data, 2);

    NetworkClassifier fresh = SameDiffNetwork.build(convBn(), 1).classifier("fc");
    Trainer resumed = Trainer.resume(fresh.training(), file);
    assertEquals(Checkpoint.read(file).buffers().get("bn/running_var"),
        fresh.network().parameter("bn/running_var"), "restored from the checkpoint");
    resumed.fit(data, 2);
    for (String name : List.of("bn/running_mean", "bn/running_var", "conv/weight", "fc/bias")) {
      assertEquals(uninterrupted.network().parameter(name), fresh.network().parameter(name),
          name);
    }
  }

  @Test
  void aNetworkWithoutBatchNormalisationHasOneMode() {
    SameDiffNetwork net = SameDiffNetwork.build(mlp(), 1);
    assertFalse(net.hasModes());
    assertEquals("out", net.inferenceVariable("out"));
    NetworkClassifier classifier = net.classifier("out");
    assertSame(classifier.training(), classifier.inference());
    assertSame(classifier, net.classifier("out"));
    assertTrue(net.runningStatistics().isEmpty());
  }

  @Test
  void aClassifierNeedsVectorLogitsOneInputAndOneLogitsNode() {
    SameDiffNetwork net = SameDiffNetwork.build(convBn(), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.classifier("conv"));
    assertEquals("network 'conv-bn': node 'conv' has shape [4, 4, 4]; a classifier needs"
        + " logits [classes]", e.getMessage());
    net.classifier("fc");
    e = assertThrows(IllegalArgumentException.class, () -> net.classifier("flat"));
    assertEquals("network 'conv-bn' is already a classifier on node 'fc'", e.getMessage());
  }

  @Test
  void predictNeedsExactlyTheNetworksInputs() {
    SameDiffNetwork net = SameDiffNetwork.build(mlp(), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.predict(Map.of("y", Nd4j.rand(DataType.FLOAT, 2, 5))));
    assertEquals("network 'mlp' takes the inputs [x], not [y]", e.getMessage());
    assertArrayEquals(new long[] {2, 2},
        net.predict(Map.of("x", Nd4j.rand(DataType.FLOAT, 2, 5))).get("out").shape());
  }

  /** Channels 0–1 take the next frame, 2–3 the previous one, 4 stays; vacated frames are 0. */
  @Test
  void theTemporalShiftMovesAFoldOfChannelsEachWay() {
    Network clip = Network.builder("clip").input("x", Shape.of(5, 3))
        .add("shift", new TemporalShift(2)).build();
    INDArray x = Nd4j.linspace(DataType.FLOAT, 1, 15, 1).reshape(1, 5, 3);
    INDArray shifted = SameDiffNetwork.build(clip, 0).predict(Map.of("x", x)).get("shift");
    assertEquals(Nd4j.createFromArray(new float[][] {
        {2, 3, 0}, {5, 6, 0}, {0, 7, 8}, {0, 10, 11}, {13, 14, 15}}).reshape(1, 5, 3), shifted);
    Network frame = Network.builder("frame").input("x", Shape.of(4, 1))
        .add("shift", new TemporalShift(4)).build();
    INDArray one = Nd4j.createFromArray(new float[] {1, 2, 3, 4}).reshape(1, 4, 1);
    assertEquals(Nd4j.createFromArray(new float[] {0, 0, 3, 4}).reshape(1, 4, 1),
        SameDiffNetwork.build(frame, 0).predict(Map.of("x", one)).get("shift"));
  }

  @Test
  void aLayerTheBridgeDoesNotBuildFailsNamingTheNodeAndItsKind() {
    assertUnsupported(Shape.of(4, 8, 8), Convolution.conv2d(4, 2, 3).transpose(),
        "node 'n' (conv-transpose2d 4→2 k3 +bias): layer kind 'conv-transpose2d'");
    assertUnsupported(Shape.of(6, 8), DynamicConvolution.dynamic(8, 2, 3),
        "node 'n' (dynamic-conv 8 h2 k3): layer kind 'dynamic-conv'");
    assertUnsupported(Shape.of(6, 8), MultiHeadAttention.self(8, 2).withContext(1),
        "node 'n' (self-attention d8 h2 context 1 +bias): attention over a cache of 1 keys"
            + " (context length)");
    assertUnsupported(Shape.of(2, 4, 4, 4), Pooling.max(2),
        "node 'n' (max-pool k2 s2): local pooling over 3 spatial axes");
  }

  private static void assertUnsupported(Shape input, Layer layer, String message) {
    Network network = Network.builder("net").input("in", input).add("n", layer).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SameDiffNetwork.build(network, 0));
    assertEquals("network 'net': " + message + " is not supported by the SameDiff bridge",
        e.getMessage());
  }

  private static double[] values(INDArray array) {
    return array.dup('c').castTo(DataType.DOUBLE).data().asDouble();
  }

  private static double[] square(double[] values) {
    return Arrays.stream(values).map(v -> v * v).toArray();
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }
}
