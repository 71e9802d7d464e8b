package dev.lathe.core.internal.engine;

import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.Workload;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.SearchSpace;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * Runs an experiment's evaluators in order, each seeing the metrics of those before it, then
 * costs the space's workload for the candidate with each accelerator.
 */
final class EvaluationChain implements TrialRunner {

  private final SearchSpace space;
  private final List<Evaluator> evaluators;
  private final List<Accelerator> accelerators;

  EvaluationChain(SearchSpace space, List<Evaluator> evaluators, List<Accelerator> accelerators) {
    this.space = space;
    this.evaluators = List.copyOf(evaluators);
    this.accelerators = List.copyOf(accelerators);
  }

  @Override
  public Metrics run(TrialTask task, BooleanSupplier cancelled) throws Exception {
    Metrics metrics = Metrics.empty();
    for (Evaluator evaluator : evaluators) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("cancelled before evaluator '" + evaluator.id() + "'");
      }
      Metrics produced = evaluator.evaluate(task.candidate(), new Context(task, metrics, cancelled));
      for (String name : evaluator.produces()) {
        if (!produced.has(name)) {
          throw new IllegalStateException("evaluator '" + evaluator.id()
              + "' declares metric '" + name + "' but did not return it");
        }
      }
      metrics = metrics.plus(produced);
    }
    if (!accelerators.isEmpty()) {
      Optional<Workload> workload = space.workload(task.candidate());
      if (workload.isEmpty()) {
        throw new IllegalStateException("space '" + space.id()
            + "' gives no workload for its candidates, so accelerator '"
            + accelerators.get(0).id() + "' has nothing to cost");
      }
      for (Accelerator accelerator : accelerators) {
        if (!accelerator.supports(workload.get())) {
          throw new IllegalArgumentException("accelerator '" + accelerator.id()
              + "' does not support workloads of kind '" + workload.get().kind() + "'");
        }
        metrics = metrics.plus(accelerator.estimate(workload.get()));
      }
    }
    return metrics;
  }

  private static final class Context implements EvaluationContext {
    private final TrialTask task;
    private final Metrics upstream;
    private final BooleanSupplier cancelled;

    Context(TrialTask task, Metrics upstream, BooleanSupplier cancelled) {
      this.task = task;
      this.upstream = upstream;
      this.cancelled = cancelled;
    }

    @Override
    public String trialId() {
      return task.trialId();
    }

    @Override
    public int attempt() {
      return task.attempt();
    }

    @Override
    public long seed() {
      return task.seed();
    }

    @Override
    public RandomGenerator random() {
      return new SplittableRandom(task.seed());
    }

    @Override
    public Metrics upstream() {
      return upstream;
    }

    @Override
    public boolean cancelled() {
      return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }
  }
}
