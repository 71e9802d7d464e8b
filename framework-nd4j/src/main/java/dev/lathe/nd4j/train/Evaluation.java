package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.nd4j.internal.Nd4jAccess;
import java.util.Map;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures a model after each epoch (in inference mode), e.g. accuracy on held-out data; the
 * numbers go into the {@link EpochReport}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Evaluation {

  /** The model's metrics, by name. */
  Map<String, Double> evaluate(TrainableModel model);

  /**
   * Classification accuracy and mean loss on {@code data}, in batches of {@code batchSize}:
   * {@code accuracy} is the fraction of examples whose largest output is at the position of
   * their label's largest value, {@code loss} the loss averaged over examples.
   */
  static Evaluation accuracy(Dataset data, int batchSize) {
    Nd4jAccess.open();
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
    }
    return model -> {
      long correct = 0;
      double lossSum = 0;
      int n = data.size();
      for (int start = 0; start < n; start += batchSize) {
        int[] rows = new int[Math.min(batchSize, n - start)];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = start + i;
        }
        INDArray labels = data.labels(rows);
        Map<String, INDArray> out = model.graph().output(
            Map.of(model.input(), data.features(rows), model.labels(), labels),
            model.output(), model.loss());
        INDArray predicted = out.get(model.output()).argMax(1);
        INDArray truth = labels.argMax(1);
        correct += predicted.eq(truth).castTo(DataType.INT64).sumNumber().longValue();
        lossSum += out.get(model.loss()).getDouble(0) * rows.length;
        Nd4jAccess.releaseUnreachableArrays();
      }
      return Map.of("accuracy", (double) correct / n, "loss", lossSum / n);
    };
  }
}
