package dev.lathe.plugin.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.CostReport;
import dev.lathe.nd4j.network.SameDiffNetwork;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SmallCnnTest {

  static {
    SmallCnnTest.class.getModule().addReads(SmallCnnTest.class.getClassLoader()
        .getUnnamedModule());
  }

  /**
   * PyTorch's MNIST example without dropout: 320 + 18,496 + 1,179,776 + 1,290 parameters;
   * 0.3 + 5.3 + 4.6 = 12.0M multiply-accumulates (conv1 26²·32·9, conv2 24²·64·288, fc1
   * 9,216·128 + fc2 128·10).
   */
  @Test
  void hasTheParametersAndMacsOfPyTorchsMnistExample() {
    Network network = SmallCnnProvider.network(1, 28, 10);
    CostReport cost = CostConventions.convLinear().count(network);
    assertEquals(1_199_882, network.parameters());
    assertEquals(1_199_882, cost.params());
    assertEquals(26 * 26 * 32 * 9 + 24 * 24 * 64 * 288 + 9_216 * 128 + 128 * 10, cost.macs());
    assertEquals(List.of("fc2"), network.outputs());
  }

  @Test
  void buildsInSameDiffWithEveryDescribedParameter() {
    SameDiffNetwork net = SameDiffNetwork.build(SmallCnnProvider.network(1, 28, 10), 1);
    assertEquals(1_199_882, net.parameterCount());
    assertEquals(List.of("conv1/bias", "conv1/weight", "conv2/bias", "conv2/weight", "fc1/bias",
        "fc1/weight", "fc2/bias", "fc2/weight"), net.parameterNames());
    INDArray logits = net.predict(Map.of("image", Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28)))
        .get("fc2");
    assertArrayEquals(new long[] {3, 10}, logits.shape());
    assertTrue(Double.isFinite(logits.sumNumber().doubleValue()));
  }

  @Test
  void otherSizesPoolToTheFloorOfHalf() {
    Network network = SmallCnnProvider.network(3, 33, 5);
    assertEquals(List.of(64 * 14 * 14), network.node("flatten").shape().dims());
  }
}
