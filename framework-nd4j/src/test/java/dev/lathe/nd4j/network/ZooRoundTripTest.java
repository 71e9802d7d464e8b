package dev.lathe.nd4j.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.core.Lathe;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ZooRoundTripTest {

  private static final Logger LOG = LoggerFactory.getLogger(ZooRoundTripTest.class);
  private static final int BATCH = 2;
  private static Lathe lathe;

  @BeforeAll
  static void open() {
    lathe = Lathe.open((Path) null);
  }

  @AfterAll
  static void close() {
    lathe.close();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mobilenetv2        | r=32",
      "mobilenetv3-large  | r=32",
      "resnet18           | r=32",
      "resnet50           | r=32",
      "transformer-base   | vocabulary=1000;source-length=6;target-length=5"})
  void buildsRunsAndCountsTheDescribedParameters(String id, String settings) {
    Network network = lathe.network(id, List.of(settings.split(";")));
    long t0 = System.nanoTime();
    SameDiffNetwork graph = SameDiffNetwork.build(network, 7);
    long t1 = System.nanoTime();
    Map<String, INDArray> inputs = new LinkedHashMap<>();
    network.inputs().forEach((name, shape) -> inputs.put(name, batch(shape)));
    Map<String, INDArray> outputs = graph.predict(inputs);
    long t2 = System.nanoTime();
    LOG.info("{}: {} parameters, build {} ms, forward {} ms", id, graph.parameterCount(),
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    assertEquals(network.parameters(), graph.parameterCount());
    assertEquals(CostConventions.convLinear().count(network).params(), graph.parameterCount());
    for (String output : network.outputs()) {
      INDArray value = outputs.get(output);
      long[] expected = new long[network.shape(output).rank() + 1];
      expected[0] = BATCH;
      for (int i = 0; i < network.shape(output).rank(); i++) {
        expected[i + 1] = network.shape(output).dim(i);
      }
      assertArrayEquals(expected, value.shape(), output);
      assertTrue(Double.isFinite(value.sumNumber().doubleValue()), output + " is finite");
    }
  }

  private static INDArray batch(Shape shape) {
    long[] dims = new long[shape.rank() + 1];
    dims[0] = BATCH;
    for (int i = 0; i < shape.rank(); i++) {
      dims[i + 1] = shape.dim(i);
    }
    if (shape.rank() == 1) {
      return Nd4j.rand(DataType.FLOAT, dims).muli(100).castTo(DataType.INT32)
          .castTo(DataType.FLOAT);
    }
    return Nd4j.rand(DataType.FLOAT, dims);
  }
}
