package dev.lathe.api.metric;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.Workload;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/** What an evaluator knows about the trial it is running. */
@API(status = STABLE, since = "0.1")
public interface EvaluationContext {

  /** The trial's id, stable across resumes and retries. */
  String trialId();

  /** The attempt number, 1 for the first try. */
  int attempt();

  /** A seed for this trial, derived from the experiment seed and the trial id. */
  long seed();

  /** A random generator seeded with {@link #seed()}, private to this evaluation. */
  RandomGenerator random();

  /** The metrics that earlier evaluators in the chain produced for this trial. */
  Metrics upstream();

  /**
   * What the trial evaluates beyond its candidate: the model that the experiment's compressors
   * made from the space's workload for the candidate, or that workload itself when there are no
   * compressors; empty when the space gives none. Default: empty.
   */
  default Optional<Workload> workload() {
    return Optional.empty();
  }

  /**
   * Whether the kernel has given up on this trial (timeout or shutdown). Long evaluations should
   * poll it, or respond to thread interruption, and stop early.
   */
  boolean cancelled();
}
