package dev.lathe.nd4j.train;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Models and data for the training tests. */
final class Fixtures {

  private Fixtures() {}

  /**
   * A linear model {@code pred = x · w} with weights {@code w = [1, 2]} and the loss
   * {@code mean((pred - y)²)}: on the example x = [1, 3], y = 2 its gradient is
   * {@code 2 (x · w - y) x}, which the tests compute by hand.
   */
  static TrainableModel linear() {
    SameDiff graph = SameDiff.create();
    SDVariable x = graph.placeHolder("x", DataType.FLOAT, -1, 2);
    SDVariable y = graph.placeHolder("y", DataType.FLOAT, -1, 1);
    SDVariable w = graph.var("w", Nd4j.create(new float[] {1, 2}, new long[] {2, 1}, 'c'));
    SDVariable pred = x.mmul("pred", w);
    pred.squaredDifference(y).mean("loss");
    return new TrainableModel(graph, "x", "y", "pred", "loss");
  }

  /** The one example of {@link #linear()}'s tests. */
  static Dataset linearExample() {
    return new Dataset(Nd4j.create(new float[] {1, 3}, new long[] {1, 2}, 'c'),
        Nd4j.create(new float[] {2}, new long[] {1, 1}, 'c'));
  }

  /**
   * {@code n} examples of {@code classes} Gaussian blobs in {@code dims} dimensions: centres
   * uniform in [-2, 2] per coordinate, unit spread, classes in turn.
   */
  static Dataset blobs(int n, int dims, int classes, long seed) {
    Random random = new Random(seed);
    double[][] centres = new double[classes][dims];
    for (double[] centre : centres) {
      for (int d = 0; d < dims; d++) {
        centre[d] = 4 * random.nextDouble() - 2;
      }
    }
    float[] features = new float[n * dims];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
      for (int d = 0; d < dims; d++) {
        features[i * dims + d] = (float) (centres[labels[i]][d] + random.nextGaussian());
      }
    }
    return Dataset.ofClasses(Nd4j.create(features, new long[] {n, dims}, 'c'), labels, classes);
  }

  /** Each trainable variable's values as floats, by name. */
  static Map<String, float[]> weights(TrainableModel model) {
    Map<String, float[]> weights = new TreeMap<>();
    for (String name : model.parameterNames()) {
      weights.put(name, floats(model.graph().getArrForVarName(name)));
    }
    return weights;
  }

  /** The values of {@code array}, in C order. */
  static float[] floats(INDArray array) {
    return array.dup('c').data().asFloat();
  }
}
