package dev.lathe.nd4j.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Concat;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Embedding;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.GatedLinearUnit;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Reshape;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.SqueezeExcitation;
import dev.lathe.api.model.TemporalShift;
import dev.lathe.nd4j.Nd4jRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every layer kind the bridge builds, checked against PyTorch 1.13: four small networks, their
 * parameters and inputs, and PyTorch's outputs in inference and training mode, gradients and
 * updated running statistics, from {@code network/reference.zip}
 * ({@code network/make_reference.py} wrote it).
 */
class SameDiffNetworkReferenceTest {

  /** Largest difference allowed, relative to the largest magnitude of the reference array. */
  private static final double TOLERANCE = 2e-4;
  /** Largest difference allowed besides, for arrays that are zero in exact arithmetic. */
  private static final double ABSOLUTE = 1e-6;

  private static final Map<String, INDArray> REFERENCE = new HashMap<>();

  @BeforeAll
  static void readReference() throws IOException {
    try (InputStream in = SameDiffNetworkReferenceTest.class.getResourceAsStream(
        "/network/reference.zip"); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String name = entry.getName();
        REFERENCE.put(name.substring(0, name.length() - ".npy".length()),
            Nd4j.createNpyFromByteArray(zip.readAllBytes()));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cnn", "seq", "video", "transformer"})
  void matchesPyTorchInBothModesWithItsGradientsAndRunningStatistics(String id) {
    Network network = network(id);
    SameDiffNetwork net = SameDiffNetwork.build(network, 0);
    Map<String, INDArray> parameters = entries("param", id);
    TreeSet<String> names = new TreeSet<>(net.parameterNames());
    names.addAll(net.runningStatistics().keySet());
    assertEquals(new TreeSet<>(parameters.keySet()), names, "parameter names");
    parameters.forEach((name, value) -> net.parameter(name).assign(value));
    assertEquals(network.parameters(), net.parameterCount());
    Map<String, INDArray> inputs = entries("input", id);

    Map<String, INDArray> inference = net.predict(inputs);
    entries("inference", id).forEach((output, expected) ->
        assertClose(expected, inference.get(output), "inference output " + output));

    SameDiff graph = net.graph();
    Map<String, INDArray> weights = entries("r", id);
    List<String> outputs = new ArrayList<>();
    SDVariable loss = null;
    for (Map.Entry<String, INDArray> r : weights.entrySet()) {
      String output = net.trainingVariable(r.getKey());
      outputs.add(output);
      SDVariable term = graph.getVariable(output).mul(graph.constant(r.getValue())).sum();
      loss = loss == null ? term : loss.add(term);
    }
    loss.rename("reference-loss");
    graph.setLossVariables("reference-loss");
    Nd4jRuntime.createGradFunction(graph);
    OutAndGrad result = graph.calculateGradientsAndOutputs(inputs, outputs,
        net.parameterNames());
    for (String output : weights.keySet()) {
      assertClose(REFERENCE.get("training:" + id + ":" + output),
          result.getOutputs().get(net.trainingVariable(output)), "training output " + output);
    }
    entries("grad", id).forEach((name, expected) ->
        assertClose(expected, result.getGradients().get(name), "gradient of " + name));
    entries("running", id).forEach((name, expected) ->
        assertClose(expected, net.parameter(name), "running statistic " + name));
  }

  private static Map<String, INDArray> entries(String kind, String network) {
    String prefix = kind + ":" + network + ":";
    Map<String, INDArray> found = new LinkedHashMap<>();
    new TreeSet<>(REFERENCE.keySet()).stream().filter(k -> k.startsWith(prefix))
        .forEach(k -> found.put(k.substring(prefix.length()), REFERENCE.get(k)));
    return found;
  }

  private static void assertClose(INDArray expected, INDArray actual, String what) {
    assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()),
        what + " shape");
    double scale = expected.amaxNumber().doubleValue();
    double difference = expected.sub(actual.castTo(expected.dataType())).amaxNumber()
        .doubleValue();
    assertTrue(difference <= TOLERANCE * scale + ABSOLUTE, what + " differs by " + difference
        + " (largest magnitude " + scale + ")");
  }

  /** The networks of {@code make_reference.py}, node for node. */
  private static Network network(String id) {
    return switch (id) {
      case "cnn" -> Network.builder("cnn").input("image", Shape.of(3, 9, 9))
          .add("c1", Convolution.conv2d(3, 8, 3).withStride(2).withPadding(1))
          .add("bn1", Normalization.batch(8))
          .add("a1", Activation.HSWISH)
          .add("c2", Convolution.conv2d(8, 8, 3).withPadding(2).withDilation(2).withGroups(2)
              .withBias(false))
          .add("a2", Activation.RELU6)
          .add("dw", new Convolution(2, 8, 16, List.of(3), List.of(1), List.of(1), List.of(1),
              8, false, false, List.of(0)))
          .add("bn2", Normalization.batch(16))
          .add("a3", Activation.HSIGMOID)
          .add("se", SqueezeExcitation.of(16, 4).withGate(Activation.Function.HSIGMOID))
          .add("c3", Convolution.conv2d(16, 16, 1))
          .add("sum", Elementwise.ADD, "c3", "se")
          .add("g", Activation.GELU, "sum")
          .add("sw", Activation.SWISH, "sum")
          .add("prod", Elementwise.MULTIPLY, "g", "sw")
          .add("t", Activation.TANH)
          .add("mp", Pooling.max(3).withStride(2).withPadding(1), "t")
          .add("ap", Pooling.avg(2).withPadding(1), "t")
          .add("cat", new Concat(0), "mp", "ap")
          .add("sg", Activation.SIGMOID)
          .add("gap", Pooling.globalAvg(), "cat")
          .add("gmp", Pooling.globalMax(), "sg")
          .add("both", Elementwise.ADD, "gap", "gmp")
          .add("flat", new Flatten())
          .add("fc", Linear.of(32, 10))
          .add("bn3", Normalization.batch(10))
          .add("rs", Reshape.to(2, 5))
          .add("sm", Activation.SOFTMAX)
          .outputs("fc", "sm")
          .build();
      case "seq" -> Network.builder("seq").input("signal", Shape.of(8, 10))
          .add("c", Convolution.conv1d(8, 6, 3).withStride(2).withPadding(2).withDilation(2)
              .withGroups(2))
          .add("in", Normalization.instance(6).withAffine(true))
          .add("r", Activation.RELU)
          .add("mp", Pooling.max(2).withStride(1), "r")
          .add("ap", Pooling.avg(4).withStride(1).withPadding(1), "r")
          .add("sum", Elementwise.ADD, "mp", "ap")
          .add("gmp", Pooling.globalMax())
          .add("flat", new Flatten())
          .add("glu", new GatedLinearUnit())
          .build();
      case "video" -> Network.builder("video").input("clip", Shape.of(8, 4, 5, 5))
          .add("shift", new TemporalShift(4))
          .add("c", Convolution.conv3d(8, 4, 1, 3, 3).withStride(1, 2, 2).withPadding(0, 1, 1)
              .withGroups(2))
          .add("bn", Normalization.batch(4))
          .add("r", Activation.RELU)
          .add("gap", Pooling.globalAvg())
          .add("flat", new Flatten())
          .add("fc", Linear.of(4, 6))
          .add("glu", new GatedLinearUnit())
          .build();
      case "transformer" -> Network.builder("transformer")
          .input("source", Shape.of(5)).input("target", Shape.of(4))
          .add("es", new Embedding(11, 8), "source")
          .add("sa", MultiHeadAttention.self(8, 2).withHeadDim(3))
          .add("sa.add", Elementwise.ADD, "sa", "es")
          .add("sa.norm", Normalization.layer(8))
          .add("et", new Embedding(11, 8), "target")
          .shareWeights("et", "es")
          .add("ca0", MultiHeadAttention.self(8, 2).withBias(false))
          .add("ca", MultiHeadAttention.cross(8, 2), "ca0", "sa.norm")
          .add("ca.add", Elementwise.ADD, "ca", "ca0")
          .add("ln", Normalization.layer(8).withAffine(false))
          .add("f1", Linear.of(8, 16))
          .add("gelu", Activation.GELU)
          .add("f2", Linear.of(16, 8))
          .add("out", Linear.of(8, 11).withBias(false))
          .shareWeights("out", "es")
          .add("sm", Activation.SOFTMAX)
          .build();
      default -> throw new IllegalArgumentException(id);
    };
  }
}
