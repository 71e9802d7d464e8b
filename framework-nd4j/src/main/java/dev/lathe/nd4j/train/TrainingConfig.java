package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a model is trained: its updater and learning-rate schedule, the mini-batch size, the seed
 * of the shuffling and of ND4J's random ops, and the limit of the gradients' global norm.
 * Checkpoints hold it, so a resumed run trains exactly as the first did.
 *
 * @param updater SGD or Adam(W), not null
 * @param schedule the learning rate of each update, not null
 * @param batchSize examples per update, at least 1; an epoch's last batch may be smaller
 * @param seed the seed of each epoch's shuffling and of each step's random ops (dropout)
 * @param clipGlobalNorm the largest global L2 norm of all gradients together: larger gradients
 *     are scaled down to it (Pascanu et al. 2013); {@link Double#POSITIVE_INFINITY} for none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TrainingConfig(
    Updater updater,
    LearningRateSchedule schedule,
    int batchSize,
    long seed,
    double clipGlobalNorm) {

  /** Checks the parts. */
  public TrainingConfig {
    Objects.requireNonNull(updater, "updater");
    Objects.requireNonNull(schedule, "schedule");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
    }
    if (!(clipGlobalNorm > 0)) {
      throw new IllegalArgumentException("clipGlobalNorm must be positive (infinity for no"
          + " clipping), not " + clipGlobalNorm);
    }
  }

  /**
   * A configuration with no clipping.
   *
   * @see #withClipGlobalNorm(double)
   */
  public static TrainingConfig of(Updater updater, LearningRateSchedule schedule, int batchSize,
      long seed) {
    return new TrainingConfig(updater, schedule, batchSize, seed, Double.POSITIVE_INFINITY);
  }

  /** This configuration with gradients clipped to global norm {@code maxNorm}. */
  public TrainingConfig withClipGlobalNorm(double maxNorm) {
    return new TrainingConfig(updater, schedule, batchSize, seed, maxNorm);
  }

  /** Whether gradients are clipped. */
  public boolean clips() {
    return clipGlobalNorm != Double.POSITIVE_INFINITY;
  }
}
