package dev.lathe.core.internal.engine;

import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.Workload;
import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.compress.Model;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.SearchSpace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs one trial: compresses the model that the space gives for the candidate with the
 * experiment's compressor chain, runs the evaluators in order (each seeing the metrics of those
 * before it, and the trial's workload: the compressed model, or the space's workload when there
 * are no compressors), then costs that workload with each accelerator.
 */
final class EvaluationChain implements TrialRunner {

  private final SearchSpace space;
  private final List<Compressor> compressors;
  private final List<Evaluator> evaluators;
  private final List<Accelerator> accelerators;

  EvaluationChain(SearchSpace space, List<Compressor> compressors, List<Evaluator> evaluators,
      List<Accelerator> accelerators) {
    this.space = space;
    this.compressors = List.copyOf(compressors);
    this.evaluators = List.copyOf(evaluators);
    this.accelerators = List.copyOf(accelerators);
  }

  @Override
  public Metrics run(TrialTask task, BooleanSupplier cancelled) throws Exception {
    TrialWorkload workload = new TrialWorkload(() -> space.workload(task.candidate()));
    Metrics metrics = Metrics.empty();
    if (!compressors.isEmpty()) {
      Compression compression = Compressor.chain(compressors, model(workload.get()));
      metrics = compression.report();
      workload.replace(compression.model());
    }
    for (Evaluator evaluator : evaluators) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("cancelled before evaluator '" + evaluator.id() + "'");
      }
      Metrics produced = evaluator.evaluate(task.candidate(),
          new Context(task, metrics, workload, cancelled));
      for (String name : evaluator.produces()) {
        if (!produced.has(name)) {
          throw new IllegalStateException("evaluator '" + evaluator.id()
              + "' declares metric '" + name + "' but did not return it");
        }
      }
      metrics = metrics.plus(produced);
    }
    if (!accelerators.isEmpty()) {
      Optional<Workload> costed = workload.get();
      if (costed.isEmpty()) {
        throw new IllegalStateException("space '" + space.id()
            + "' gives no workload for its candidates, so accelerator '"
            + accelerators.get(0).id() + "' has nothing to cost");
      }
      for (Accelerator accelerator : accelerators) {
        if (!accelerator.supports(costed.get())) {
          throw new IllegalArgumentException("accelerator '" + accelerator.id()
              + "' does not support workloads of kind '" + costed.get().kind() + "'");
        }
        metrics = metrics.plus(accelerator.estimate(costed.get()));
      }
    }
    return metrics;
  }

  /** The space's workload as the model the first compressor works on. */
  private Model model(Optional<Workload> workload) {
    if (workload.isPresent() && workload.get() instanceof Model model) {
      return model;
    }
    throw new IllegalStateException("space '" + space.id() + "' gives "
        + workload.map(w -> "a workload of kind '" + w.kind() + "', not a model,")
            .orElse("no workload")
        + " for its candidates, so compressor '" + compressors.get(0).id()
        + "' has nothing to compress");
  }

  /** The trial's workload, asked of the space only when something needs it, and then once. */
  private static final class TrialWorkload {
    private final Supplier<Optional<Workload>> source;
    private Optional<Workload> value;

    TrialWorkload(Supplier<Optional<Workload>> source) {
      this.source = source;
    }

    synchronized Optional<Workload> get() {
      if (value == null) {
        value = Objects.requireNonNull(source.get(), "the space's workload");
      }
      return value;
    }

    synchronized void replace(Workload workload) {
      value = Optional.of(workload);
    }
  }

  private static final class Context implements EvaluationContext {
    private final TrialTask task;
    private final Metrics upstream;
    private final TrialWorkload workload;
    private final BooleanSupplier cancelled;

    Context(TrialTask task, Metrics upstream, TrialWorkload workload,
        BooleanSupplier cancelled) {
      this.task = task;
      this.upstream = upstream;
      this.workload = workload;
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
    public Optional<Workload> workload() {
      return workload.get();
    }

    @Override
    public boolean cancelled() {
      return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }
  }
}
