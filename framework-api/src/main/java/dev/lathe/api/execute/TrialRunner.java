package dev.lathe.api.execute;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.metric.Metrics;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/** Runs an experiment's evaluator chain for one task in the current JVM; the kernel supplies it. */
@API(status = STABLE, since = "0.1")
@FunctionalInterface
public interface TrialRunner {

  /**
   * Evaluates the task's candidate.
   *
   * @param task the attempt
   * @param cancelled becomes true when the executor gives up on the attempt
   * @return the metrics of every evaluator in the chain
   * @throws Exception any failure of an evaluator
   */
  Metrics run(TrialTask task, BooleanSupplier cancelled) throws Exception;
}
