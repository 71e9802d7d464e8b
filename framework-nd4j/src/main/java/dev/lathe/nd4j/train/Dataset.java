package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.nd4j.internal.Nd4jAccess;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Examples held in memory: features and labels whose first dimension counts the examples, both
 * 32-bit floats (e.g. features {@code [n, 1, 28, 28]} and one-hot labels {@code [n, 10]}).
 *
 * @param features the inputs, rank 2 or more
 * @param labels the targets, rank 2 or more, as many as the features
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Dataset(INDArray features, INDArray labels) {

  static {
    Nd4jAccess.open();
  }

  /** Checks ranks, types and that features and labels count the same examples. */
  public Dataset {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    if (features.rank() < 2 || labels.rank() < 2) {
      throw new IllegalArgumentException("features and labels need rank 2 or more, not "
          + Arrays.toString(features.shape()) + " and " + Arrays.toString(labels.shape()));
    }
    if (features.size(0) != labels.size(0)) {
      throw new IllegalArgumentException(features.size(0) + " features but " + labels.size(0)
          + " labels");
    }
    if (features.size(0) == 0) {
      throw new IllegalArgumentException("a dataset needs at least one example");
    }
    if (features.dataType() != DataType.FLOAT || labels.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("features and labels must be FLOAT, not "
          + features.dataType() + " and " + labels.dataType());
    }
  }

  /**
   * A dataset with one-hot labels for class indices.
   *
   * @param classes each example's class, from 0 to {@code classCount - 1}
   */
  public static Dataset ofClasses(INDArray features, int[] classes, int classCount) {
    INDArray oneHot = Nd4j.zeros(DataType.FLOAT, classes.length, classCount);
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] < 0 || classes[i] >= classCount) {
        throw new IllegalArgumentException("example " + i + " has class " + classes[i]
            + ", outside 0.." + (classCount - 1));
      }
      oneHot.putScalar(i, classes[i], 1f);
    }
    return new Dataset(features, oneHot);
  }

  /** The number of examples. */
  public int size() {
    return Math.toIntExact(features.size(0));
  }

  /** The features of the examples at {@code rows}, in that order. */
  public INDArray features(int[] rows) {
    return pick(features, rows);
  }

  /** The labels of the examples at {@code rows}, in that order. */
  public INDArray labels(int[] rows) {
    return pick(labels, rows);
  }

  private static INDArray pick(INDArray source, int[] rows) {
    long[] shape = source.shape();
    INDArray matrix = source.reshape('c', shape[0], source.length() / shape[0]);
    INDArray picked = Nd4j.pullRows(matrix, 1, rows, 'c');
    long[] batchShape = shape.clone();
    batchShape[0] = rows.length;
    return picked.reshape('c', batchShape);
  }
}
