package dev.lathe.api.metric;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.space.Candidate;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Turns a candidate into metrics: accuracy from a predictor or a short training run, a figure
 * of merit from a circuit simulation, a test function's value. An experiment chains its
 * evaluators; each sees the metrics of those before it.
 *
 * <p>Evaluators may be called from several threads at once and must be idempotent: the same
 * trial may run twice on a distributed executor.
 */
@API(status = STABLE, since = "0.1")
public interface Evaluator {

  /** The id of the plugin that made this evaluator. */
  String id();

  /** The names of the metrics that {@link #evaluate} returns, known before any trial runs. */
  Set<String> produces();

  /**
   * Evaluates one candidate.
   *
   * @param candidate a candidate of the experiment's space, never null
   * @param context the trial's seed, the metrics of earlier evaluators, and cancellation
   * @return at least the metrics named by {@link #produces()}
   * @throws Exception any failure, which the kernel records against the trial with its message
   */
  Metrics evaluate(Candidate candidate, EvaluationContext context) throws Exception;
}
