package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.Workload;
import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Metrics;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * An {@link EvaluationContext} for tests: a trial id and seed of the test's choosing, the first
 * attempt, no upstream metrics, no workload and never cancelled unless the test says otherwise. Each
 * instance is immutable except for its random generator, which is private to one evaluation.
 *
 * <pre>{@code
 * Metrics m = evaluator.evaluate(candidate,
 *     TestEvaluationContext.of("trial-1", 7).withUpstream(accuracy));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TestEvaluationContext implements EvaluationContext {

  private final String trialId;
  private final int attempt;
  private final long seed;
  private final Metrics upstream;
  private final Optional<Workload> workload;
  private final BooleanSupplier cancelled;
  private final RandomGenerator random;

  private TestEvaluationContext(String trialId, int attempt, long seed, Metrics upstream,
      Optional<Workload> workload, BooleanSupplier cancelled) {
    this.trialId = Objects.requireNonNull(trialId, "trialId");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
    }
    this.attempt = attempt;
    this.seed = seed;
    this.upstream = Objects.requireNonNull(upstream, "upstream");
    this.workload = Objects.requireNonNull(workload, "workload");
    this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
    this.random = new SplittableRandom(seed);
  }

  /** The first attempt of trial {@code trialId} (never null) with {@code seed}. */
  public static TestEvaluationContext of(String trialId, long seed) {
    return new TestEvaluationContext(trialId, 1, seed, Metrics.empty(), Optional.empty(),
        () -> false);
  }

  /** This context as attempt {@code attempt} (at least 1). */
  public TestEvaluationContext withAttempt(int attempt) {
    return new TestEvaluationContext(trialId, attempt, seed, upstream, workload, cancelled);
  }

  /** This context with {@code upstream} (never null) as the earlier evaluators' metrics. */
  public TestEvaluationContext withUpstream(Metrics upstream) {
    return new TestEvaluationContext(trialId, attempt, seed, upstream, workload, cancelled);
  }

  /** This context with {@code workload} as the trial's workload (empty: none). */
  public TestEvaluationContext withWorkload(Optional<Workload> workload) {
    return new TestEvaluationContext(trialId, attempt, seed, upstream, workload, cancelled);
  }

  /** This context, cancelled whenever {@code cancelled} (never null) says so. */
  public TestEvaluationContext cancelledWhen(BooleanSupplier cancelled) {
    return new TestEvaluationContext(trialId, attempt, seed, upstream, workload, cancelled);
  }

  @Override
  public String trialId() {
    return trialId;
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public long seed() {
    return seed;
  }

  /** A {@link SplittableRandom} seeded with {@link #seed()}, the same one on every call. */
  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public Metrics upstream() {
    return upstream;
  }

  @Override
  public Optional<Workload> workload() {
    return workload;
  }

  @Override
  public boolean cancelled() {
    return cancelled.getAsBoolean();
  }

  @Override
  public String toString() {
    return "TestEvaluationContext[" + trialId + ", attempt " + attempt + ", seed " + seed + "]";
  }
}
