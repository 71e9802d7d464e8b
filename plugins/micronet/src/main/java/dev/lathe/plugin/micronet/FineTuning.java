package dev.lathe.plugin.micronet;

import dev.lathe.nd4j.network.SameDiffNetwork;
import dev.lathe.nd4j.train.Dataset;
import dev.lathe.nd4j.train.LearningRateSchedule;
import dev.lathe.nd4j.train.Trainer;
import dev.lathe.nd4j.train.TrainingConfig;
import dev.lathe.nd4j.train.Updater;
import java.util.function.LongFunction;

/**
 * Fine-tuning with something done around every update: Adam at a constant learning rate on a
 * graph's classifier, batches drawn from the task's training examples (or other labels for
 * them, step by step), and a hook called before and after each update.
 */
final class FineTuning {

  static {
    NetworkModel.openNd4j();
  }

  /** What is done around each update; {@code step} counts from 0. */
  interface Hook {

    /** Before update {@code step}. */
    default void before(long step) {}

    /** After update {@code step}. */
    default void after(long step) {}
  }

  private FineTuning() {}

  /**
   * Makes {@code steps} updates of {@code graph} on {@code task}, the training data of update
   * {@code s} being {@code data.apply(s)} (the same examples, labels as the caller needs them).
   */
  static void run(SameDiffNetwork graph, ClassificationTask task, int steps, double rate,
      long seed, LongFunction<Dataset> data, Hook hook) {
    Trainer trainer = new Trainer(graph.classifier(task.logits()).training(), TrainingConfig.of(
        Updater.adam(), new LearningRateSchedule.Constant(rate), task.batchSize(), seed));
    for (long step = 0; step < steps; step++) {
      hook.before(step);
      trainer.step(data.apply(step));
      hook.after(step);
    }
  }

  /** {@link #run} on the task's own training examples. */
  static void run(SameDiffNetwork graph, ClassificationTask task, int steps, double rate,
      long seed, Hook hook) {
    run(graph, task, steps, rate, seed, step -> task.train(), hook);
  }
}
