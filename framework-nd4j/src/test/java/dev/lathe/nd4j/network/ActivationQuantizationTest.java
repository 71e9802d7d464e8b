package dev.lathe.nd4j.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.NodeAttributes;
import dev.lathe.api.model.Shape;
import dev.lathe.nd4j.Nd4jRuntime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nodes with fewer than 32 activation bits compute fake-quantised outputs, and an attention node
 * also the tensors entering its products.
 */
class ActivationQuantizationTest {

  private static Network mlp(int hiddenBits) {
    return Network.builder("mlp").input("x", Shape.of(5))
        .add("hidden", Linear.of(5, 8))
        .attributes("hidden", new NodeAttributes(32, hiddenBits, 0))
        .add("relu", Activation.RELU)
        .add("out", Linear.of(8, 2))
        .build();
  }

  private static INDArray input() {
    return Nd4j.linspace(-1, 1, 20).reshape(4, 5).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
  }

  @Test
  void aThreeBitNodeTakesAtMostSevenLevelsOfOneScale() {
    SameDiffNetwork net = SameDiffNetwork.build(mlp(3), 1);
    INDArray hidden = net.graph().output(Map.of("x", input()), "hidden").get("hidden");
    double max = hidden.amaxNumber().doubleValue();
    double scale = max / 3;
    float[] values = hidden.dup().data().asFloat();
    for (float v : values) {
      double level = v / scale;
      assertEquals(Math.rint(level), level, 1e-4, Arrays.toString(values));
      assertTrue(Math.abs(level) <= 3 + 1e-4);
    }
    assertTrue(Arrays.stream(toDoubles(values)).distinct().count() <= 7);
  }

  @Test
  void gradientsPassStraightThrough() {
    SameDiffNetwork quantised = SameDiffNetwork.build(mlp(4), 1);
    SDVariable sum = quantised.graph().getVariable("out").sum();
    quantised.graph().setLossVariables(sum);
    Nd4jRuntime.createGradFunction(quantised.graph());
    Map<String, INDArray> gradients = quantised.graph().calculateGradients(
        Map.of("x", input()), List.of("hidden/weight"));
    assertTrue(gradients.get("hidden/weight").amaxNumber().doubleValue() > 0,
        "the hidden layer's weights learn through the quantised activations");
  }

  @Test
  void thirtyTwoBitsBuildNoQuantisation() {
    SameDiffNetwork plain = SameDiffNetwork.build(mlp(32), 1);
    assertTrue(plain.graph().getOps().keySet().stream().noneMatch(n -> n.contains("stop")),
        plain.graph().getOps().keySet().toString());
  }

  @Test
  void aThreeBitAttentionQuantisesItsQueriesKeysValuesWeightsAndContext() {
    Network attention = Network.builder("att").input("x", Shape.of(3, 2))
        .add("att", new MultiHeadAttention(2, 1, 2, 0, false, false))
        .attributes("att", new NodeAttributes(32, 3, 0))
        .build();
    SameDiffNetwork net = SameDiffNetwork.build(attention, 1);
    for (String w : List.of("q", "k", "v", "out")) {
      net.parameter("att/" + w + "/weight").assign(Nd4j.eye(2).castTo(DataType.FLOAT));
    }
    double[][] x = {{1, 0}, {0.4, 1}, {1, 0.7}};
    INDArray out = net.predict(Map.of("x", Nd4j.createFromArray(new float[][][] {{
        {1, 0}, {0.4f, 1}, {1, 0.7f}}}))).get("att");
    double[][] inner = attend(x, true);
    double[][] outerOnly = attend(x, false);
    double difference = 0;
    for (int t = 0; t < 3; t++) {
      for (int c = 0; c < 2; c++) {
        assertEquals(inner[t][c], out.getDouble(0, t, c), 1e-5, "position " + t);
        difference = Math.max(difference, Math.abs(inner[t][c] - outerOnly[t][c]));
      }
    }
    assertTrue(difference > 0.01, "quantising inside the node changes the output: "
        + difference);
  }

  /**
   * Self-attention with identity projections by hand, its output quantised to 3 bits, and with
   * {@code inside} also its queries, keys, values, softmax weights and context.
   */
  private static double[][] attend(double[][] x, boolean inside) {
    double[][] q = inside ? quantise(x) : x;
    double[][] weights = new double[3][3];
    for (int t = 0; t < 3; t++) {
      double total = 0;
      for (int s = 0; s < 3; s++) {
        weights[t][s] = Math.exp((q[t][0] * q[s][0] + q[t][1] * q[s][1]) / Math.sqrt(2));
        total += weights[t][s];
      }
      for (int s = 0; s < 3; s++) {
        weights[t][s] /= total;
      }
    }
    weights = inside ? quantise(weights) : weights;
    double[][] context = new double[3][2];
    for (int t = 0; t < 3; t++) {
      for (int s = 0; s < 3; s++) {
        context[t][0] += weights[t][s] * q[s][0];
        context[t][1] += weights[t][s] * q[s][1];
      }
    }
    return quantise(inside ? quantise(context) : context);
  }

  /** The bridge's 3-bit fake quantisation of one tensor: 3 levels each side of zero. */
  private static double[][] quantise(double[][] values) {
    double max = Arrays.stream(values).flatMapToDouble(Arrays::stream).map(Math::abs).max()
        .orElseThrow();
    double scale = max / 3 + 1e-12;
    return Arrays.stream(values).map(row -> Arrays.stream(row)
        .map(v -> Math.rint(v / scale) * scale).toArray()).toArray(double[][]::new);
  }

  private static double[] toDoubles(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }
}
