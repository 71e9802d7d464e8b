package dev.lathe.nd4j.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.NodeAttributes;
import dev.lathe.api.model.Shape;
import dev.lathe.nd4j.Nd4jRuntime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Nodes with fewer than 32 activation bits compute fake-quantised outputs. */
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

  private static double[] toDoubles(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }
}
