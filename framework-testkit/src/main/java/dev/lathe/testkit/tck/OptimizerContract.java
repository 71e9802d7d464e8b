package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.OptimizerProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Optimizer}: {@code ask(n)} gives exactly {@code n} candidates of the
 * problem's space; the same seed and the same asks and tells give the same candidates; a
 * checkpoint restored into a fresh optimizer continues identically (or, for an optimizer
 * without checkpoints, replaying the asks and tells does); failed trials and batches told out
 * of order are tolerated.
 *
 * <p>By default the optimizer runs on a problem built by the contract: one dimension of each
 * kind the provider supports, minimising a quadratic bowl of the encoded candidate (and a
 * second bowl when the provider is multi-objective). Override {@link #problem()} and
 * {@link #evaluate} to run it on a problem of your own.
 *
 * <pre>{@code
 * class MyOptimizerTest extends OptimizerContract {
 *   @Override protected OptimizerProvider provider() { return new MyOptimizerProvider(); }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class OptimizerContract extends PluginProviderContract<OptimizerProvider> {

  /** The metric of the contract's default objective. */
  protected static final String LOSS = "loss";
  /** The metric of the contract's second default objective, for multi-objective optimizers. */
  protected static final String COST = "cost";

  /** For subclasses. */
  protected OptimizerContract() {}

  /**
   * The problem to optimise. Default: a space with one dimension per kind in
   * {@code provider().supportedKinds()}, minimising {@value #LOSS} (and {@value #COST} when the
   * provider is multi-objective).
   */
  protected Problem problem() {
    List<Dimension> dimensions = new ArrayList<>();
    Set<Dimension.Kind> kinds = provider().supportedKinds();
    if (kinds.contains(Dimension.Kind.CATEGORICAL)) {
      dimensions.add(CategoricalDimension.of("colour", "red", "green", "blue", "black"));
    }
    if (kinds.contains(Dimension.Kind.INTEGER)) {
      dimensions.add(IntegerDimension.of("count", 0, 20));
    }
    if (kinds.contains(Dimension.Kind.REAL)) {
      dimensions.add(RealDimension.of("x", -2, 2));
    }
    if (kinds.contains(Dimension.Kind.LOG_REAL)) {
      dimensions.add(RealDimension.logOf("rate", 1e-4, 1));
    }
    SearchSpace space = new ContractSpace(List.copyOf(dimensions));
    return provider().multiObjective()
        ? new Problem(space, List.of(Objective.minimize(LOSS), Objective.minimize(COST)), List.of())
        : new Problem(space, List.of(Objective.minimize(LOSS)), List.of());
  }

  /**
   * The metrics of a successful trial of {@code candidate}. Default: {@value #LOSS}, the squared
   * distance of the encoded candidate from 0.3 in every coordinate, and {@value #COST}, from 0.7.
   */
  protected Metrics evaluate(Problem problem, Candidate candidate) {
    double[] x = problem.space().encode(candidate);
    double loss = 0;
    double cost = 0;
    for (double xi : x) {
      loss += (xi - 0.3) * (xi - 0.3);
      cost += (xi - 0.7) * (xi - 0.7);
    }
    return Metrics.builder()
        .add(LOSS, loss, "", Origin.ANALYTIC)
        .add(COST, cost, "", Origin.ANALYTIC)
        .build();
  }

  /** The batch sizes that the tests ask for, in turn. Default: 1, 4 and 16. */
  protected List<Integer> batchSizes() {
    return List.of(1, 4, 16);
  }

  /** How many ask/tell rounds the determinism and checkpoint tests run. Default: 6. */
  protected int rounds() {
    return 6;
  }

  @Override
  protected final ExtensionPoint point() {
    return ExtensionPoint.OPTIMIZER;
  }

  @Override
  protected final String instanceId() {
    return newOptimizer(problem()).id();
  }

  /** A new optimizer from the provider for {@code problem}, with {@link #context()}. */
  protected final Optimizer newOptimizer(Problem problem) {
    Optimizer optimizer = provider().create(context(), problem);
    assertNotNull(optimizer, () -> plugin() + ": create() returned null");
    return optimizer;
  }

  /** Checks that the provider supports some dimension kind and every kind of the problem. */
  @Test
  public void problemFitsTheDeclaredCapabilities() {
    Set<Dimension.Kind> kinds = provider().supportedKinds();
    assertFalse(kinds == null || kinds.isEmpty(),
        () -> plugin() + ": supportedKinds() is empty; declare the dimension kinds it can search");
    Problem problem = problem();
    for (Dimension d : problem.space().dimensions()) {
      assertTrue(kinds.contains(d.kind()), () -> plugin() + ": the test problem has "
          + d.kind() + " dimension '" + d.name() + "' but supportedKinds() is " + kinds);
    }
    assertTrue(!problem.multiObjective() || provider().multiObjective(), () -> plugin()
        + ": the test problem has several objectives but multiObjective() is false");
  }

  /** Checks that ask(n) gives exactly n candidates of the space for every batch size. */
  @Test
  public void askReturnsExactlyTheRequestedNumberOfValidCandidates() {
    Run run = new Run(problem());
    for (int n : batchSizes()) {
      run.step(n, false, i -> false);
    }
  }

  /** Checks that two optimizers with the same seed ask the same candidates after the same tells. */
  @Test
  public void sameSeedGivesSameCandidates() {
    Problem problem = problem();
    Run first = new Run(problem);
    Run second = new Run(problem);
    for (int r = 0; r < rounds(); r++) {
      int n = batchSize(r);
      List<Candidate> a = first.step(n, false, i -> i % 3 == 2);
      List<Candidate> b = second.step(n, false, i -> i % 3 == 2);
      int round = r;
      assertEquals(a, b, () -> plugin() + ": round " + round + ": two optimizers with the same"
          + " seed, asks and tells asked different candidates; draw every random number from"
          + " context.random() or context.seed()");
    }
  }

  /**
   * Checks that an optimizer restored from another's checkpoint continues exactly as the
   * original does, and that taking a checkpoint does not change the original. For an optimizer
   * whose checkpoint is empty, checks that it stays empty and that replaying the recorded asks
   * and tells into a fresh optimizer (the kernel's way to resume it) continues identically.
   */
  @Test
  public void checkpointRestoreContinuesIdentically() {
    Problem problem = problem();
    Run original = new Run(problem);
    Run replayed = new Run(problem);
    int half = Math.max(1, rounds() / 2);
    for (int r = 0; r < half; r++) {
      original.step(batchSize(r), false, i -> i % 4 == 3);
      replayed.step(batchSize(r), false, i -> i % 4 == 3);
    }
    Optional<byte[]> checkpoint = original.optimizer.checkpoint();
    assertNotNull(checkpoint, () -> plugin() + ": checkpoint() returned null, not empty");
    Run restored = null;
    if (checkpoint.isPresent()) {
      byte[] state = checkpoint.get().clone();
      Optimizer fresh = newOptimizer(problem);
      fresh.restore(state);
      restored = new Run(fresh, problem, original.asked);
    } else {
      assertTrue(original.optimizer.checkpoint().isEmpty(), () -> plugin()
          + ": checkpoint() was empty, then present; it must be always or never present");
    }
    for (int r = half; r < rounds(); r++) {
      int round = r;
      List<Candidate> expected = original.step(batchSize(r), false, i -> i % 4 == 3);
      List<Candidate> replay = replayed.step(batchSize(r), false, i -> i % 4 == 3);
      assertEquals(replay, expected, () -> plugin() + ": round " + round + ": the optimizer"
          + (checkpoint.isPresent() ? " asked differently after checkpoint() than an"
              + " optimizer that took none; checkpoint() must not change the state"
              : " asked differently than a fresh one replaying the same asks and tells"));
      if (restored != null) {
        List<Candidate> continued = restored.step(batchSize(r), false, i -> i % 4 == 3);
        assertEquals(expected, continued, () -> plugin() + ": round " + round + ": an optimizer"
            + " restored from checkpoint() asked differently than the one checkpointed; the"
            + " checkpoint must hold the whole state, random generator included");
      }
    }
  }

  /** Checks that failed trials, all of a batch or some, leave the optimizer asking valid candidates. */
  @Test
  public void toleratesFailedTrials() {
    Run run = new Run(problem());
    run.step(4, false, i -> true);
    run.step(4, false, i -> i % 2 == 0);
    run.step(4, false, i -> true);
    run.step(4, false, i -> false);
    run.step(4, false, i -> false);
  }

  /** Checks that a large batch told back in another order than asked is handled. */
  @Test
  public void handlesBatchesToldOutOfOrder() {
    Run run = new Run(problem());
    int largest = batchSizes().stream().mapToInt(Integer::intValue).max().orElse(1);
    run.step(largest, true, i -> i % 5 == 4);
    run.step(largest, true, i -> false);
    run.step(largest, false, i -> false);
  }

  private int batchSize(int round) {
    List<Integer> sizes = batchSizes();
    return sizes.get(round % sizes.size());
  }

  /** One optimizer driven through asks and tells, numbering its trials from a starting point. */
  private final class Run {
    private final Optimizer optimizer;
    private final Problem problem;
    private long asked;

    Run(Problem problem) {
      this(newOptimizer(problem), problem, 0);
    }

    Run(Optimizer optimizer, Problem problem, long asked) {
      this.optimizer = optimizer;
      this.problem = problem;
      this.asked = asked;
    }

    /** Asks {@code n}, checks them, and tells every outcome (failed where {@code fails}). */
    List<Candidate> step(int n, boolean reverse, IntPredicate fails) {
      long first = asked;
      List<Candidate> batch = optimizer.ask(n);
      assertNotNull(batch, () -> plugin() + ": ask(" + n + ") returned null");
      assertEquals(n, batch.size(), () -> plugin() + ": ask(" + n + ") after " + first
          + " trials returned " + batch.size() + " candidates; it must return exactly " + n);
      for (Candidate c : batch) {
        assertNotNull(c, () -> plugin() + ": ask(" + n + ") returned a null candidate");
        problem.space().violation(c).ifPresent(v -> fail(plugin() + ": ask(" + n + ") after "
            + first + " trials returned " + c + ", which is not in the space: " + v));
      }
      asked += n;
      List<Observation> observations = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Candidate c = batch.get(i);
        observations.add(fails.test(i)
            ? new Observation(first + i, c, Metrics.empty(),
                "lathe-tck: simulated failure of trial " + (first + i))
            : new Observation(first + i, c, evaluate(problem, c), null));
      }
      if (reverse) {
        Collections.reverse(observations);
      }
      observations.forEach(optimizer::tell);
      return batch;
    }
  }

  /** The contract's default space: independent dimensions, no constraints. */
  private record ContractSpace(List<Dimension> dimensions) implements SearchSpace {
    @Override
    public String id() {
      return "lathe-tck-space";
    }

    @Override
    public String toString() {
      return id() + dimensions;
    }
  }
}
