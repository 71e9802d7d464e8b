package dev.lathe.plugin.micronet;

import dev.lathe.nd4j.train.Dataset;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a {@link NetworkModel} is fine-tuned and measured on: training and validation examples
 * (one-hot labels), the node whose output are the logits, the batch size and, for distillation,
 * a teacher's class probabilities on the training examples.
 *
 * @param train the training examples
 * @param validation the examples that validation loss and accuracy are measured on
 * @param logits the node of the network that computes the logits
 * @param batchSize examples per update and per evaluation batch
 * @param teacher a teacher's probabilities {@code [training examples, classes]}, if any
 */
record ClassificationTask(Dataset train, Dataset validation, String logits, int batchSize,
    Optional<INDArray> teacher) {

  static {
    NetworkModel.openNd4j();
  }

  /** Checks the parts. */
  ClassificationTask {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(logits, "logits");
    Objects.requireNonNull(teacher, "teacher");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be positive");
    }
    teacher.ifPresent(t -> {
      if (t.rows() != train.size() || t.columns() != train.labels().columns()) {
        throw new IllegalArgumentException("teacher probabilities " + t.shapeInfoToString()
            + " do not match " + train.size() + " training examples of "
            + train.labels().columns() + " classes");
      }
    });
  }

  /** A task without a teacher. */
  static ClassificationTask of(Dataset train, Dataset validation, String logits, int batchSize) {
    return new ClassificationTask(train, validation, logits, batchSize, Optional.empty());
  }

  /** This task with {@code teacher}'s class probabilities on the training examples. */
  ClassificationTask withTeacher(NetworkModel teacher) {
    return new ClassificationTask(train, validation, logits, batchSize,
        Optional.of(teacher.probabilities(train.features())));
  }

  /** The number of classes. */
  int classes() {
    return (int) train.labels().columns();
  }
}
