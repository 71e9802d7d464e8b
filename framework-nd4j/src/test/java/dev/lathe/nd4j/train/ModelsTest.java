package dev.lathe.nd4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelsTest {

  @Test
  void theMlpHasTheWeightsOfItsLayers() {
    TrainableModel mlp = Models.mlp(784, List.of(256), 10, 0);
    assertEquals(784 * 256 + 256 + 256 * 10 + 10, mlp.parameterCount());
    assertEquals(List.of("dense0/b", "dense0/w", "dense1/b", "dense1/w"), mlp.parameterNames());
    INDArray logits = mlp.graph().outputSingle(Map.of(Models.FEATURES,
        Nd4j.rand(DataType.FLOAT, 3, 784)), Models.LOGITS);
    assertArrayEquals(new long[] {3, 10}, logits.shape());
  }

  /** 1,199,882 weights: the count of PyTorch's MNIST example network without dropout. */
  @Test
  void theSmallCnnHasTheWeightsOfPyTorchsMnistExample() {
    TrainableModel cnn = Models.smallCnn(1, 28, 28, 10, 0);
    assertEquals(1_199_882, cnn.parameterCount());
    INDArray logits = cnn.graph().outputSingle(Map.of(Models.FEATURES,
        Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28)), Models.LOGITS);
    assertArrayEquals(new long[] {2, 10}, logits.shape());
  }

  @Test
  void initialWeightsAreUniformInTheFanInBoundAndSeeded() {
    float[] w = Fixtures.floats(Models.mlp(400, List.of(), 50, 3).graph()
        .getArrForVarName("dense0/w"));
    double bound = 1 / Math.sqrt(400);
    double max = 0;
    double sum = 0;
    for (float v : w) {
      max = Math.max(max, Math.abs(v));
      sum += v;
    }
    assertEquals(bound, max, bound * 0.01, "the largest weight is near the bound");
    assertEquals(0, sum / w.length, bound * 0.02, "centred");
    assertArrayEquals(w, Fixtures.floats(Models.mlp(400, List.of(), 50, 3).graph()
        .getArrForVarName("dense0/w")));
  }

  @Test
  void impossibleShapesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Models.mlp(0, List.of(), 2, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Models.smallCnn(1, 7, 8, 10, 0));
    assertEquals("height and width must be even and at least 6, not 7x8", e.getMessage());
  }
}
