package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where a training run stands: what the next update is and the running sums of the current
 * epoch, so that a run resumed from a checkpoint makes the very updates the uninterrupted run
 * would have made.
 *
 * @param step the number of updates made
 * @param epoch the current epoch, from 0
 * @param batch the index of the next batch within the current epoch, from 0
 * @param examples the number of training examples the epochs are cut from; 0 before the first
 *     update
 * @param epochLossSum the sum of the current epoch's batch losses so far
 * @param epochSteps the number of the current epoch's updates so far
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TrainingPosition(long step, int epoch, int batch, int examples,
    double epochLossSum, int epochSteps) {

  /** The position before the first update. */
  public static final TrainingPosition START = new TrainingPosition(0, 0, 0, 0, 0, 0);

  /** Checks that the counts are not negative. */
  public TrainingPosition {
    if (step < 0 || epoch < 0 || batch < 0 || examples < 0 || epochSteps < 0) {
      throw new IllegalArgumentException("negative count in position: step " + step + ", epoch "
          + epoch + ", batch " + batch + ", examples " + examples + ", epochSteps " + epochSteps);
    }
  }
}
