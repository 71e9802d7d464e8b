package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Told of the training loop's progress, on the training thread; it must not print (give the
 * numbers to a logger, a progress bar or a metrics sink). Both methods do nothing by default.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TrainingListener {

  /** After each update. */
  default void stepDone(StepReport report) {}

  /** After each epoch and its evaluation. */
  default void epochDone(EpochReport report) {}
}
