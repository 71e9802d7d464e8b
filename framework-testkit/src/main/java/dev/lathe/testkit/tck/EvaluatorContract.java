package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.Workload;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Evaluator}: valid metric names in {@code produces()}, known before any
 * trial; every produced metric returned, finite, for valid candidates; the same candidate and
 * seed giving the same metrics, from one instance or two (unless the evaluator declares itself
 * {@linkplain #stochastic() stochastic}); correct results when called from several threads at once.
 *
 * <pre>{@code
 * class MyEvaluatorTest extends EvaluatorContract {
 *   @Override protected EvaluatorProvider provider() { return new MyEvaluatorProvider(); }
 *   @Override protected List<Candidate> candidates() {
 *     return List.of(Candidate.of(Map.of("x", 0.5, "y", -1.0)));
 *   }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class EvaluatorContract extends PluginProviderContract<EvaluatorProvider> {

  private static final Pattern METRIC_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** For subclasses. */
  protected EvaluatorContract() {}

  /** Valid candidates of the space the evaluator is meant for; at least one. */
  protected abstract List<Candidate> candidates();

  /**
   * Whether the evaluator's metrics legitimately differ between runs with the same seed, e.g.
   * measured timings. Then the determinism test only compares metric names. Default: no.
   */
  protected boolean stochastic() {
    return false;
  }

  /**
   * The metrics of the evaluators before this one in a chain, for evaluators that read
   * {@code context.upstream()}. Default: none.
   */
  protected Metrics upstream(Candidate candidate) {
    return Metrics.empty();
  }

  /**
   * The trial's workload for {@code candidate} (e.g. the compressed model), for evaluators that
   * read {@code context.workload()}. Default: none.
   */
  protected Optional<Workload> workload(Candidate candidate) {
    return Optional.empty();
  }

  /** How many threads evaluate at once in the concurrency test. Default: 4. */
  protected int threads() {
    return 4;
  }

  @Override
  protected final ExtensionPoint point() {
    return ExtensionPoint.EVALUATOR;
  }

  @Override
  protected final String instanceId() {
    return newEvaluator().id();
  }

  /** A new evaluator from the provider with {@link #context()}. */
  protected final Evaluator newEvaluator() {
    Evaluator evaluator = provider().create(context());
    assertNotNull(evaluator, () -> plugin() + ": create() returned null");
    return evaluator;
  }

  /** Checks that produces() names at least one metric, each a valid metric name. */
  @Test
  public void producesValidMetricNames() {
    Set<String> produces = newEvaluator().produces();
    assertFalse(produces == null || produces.isEmpty(),
        () -> plugin() + ": produces() is empty; name the metrics evaluate() returns");
    for (String name : produces) {
      assertTrue(name != null && METRIC_NAME.matcher(name).matches(), () -> plugin()
          + ": produces() names '" + name + "', not a metric name (a letter, then letters,"
          + " digits or '_')");
    }
  }

  /** Checks that produces() is the same before and after evaluations. */
  @Test
  public void producesIsKnownBeforeAnyTrial() throws Exception {
    Evaluator evaluator = newEvaluator();
    Set<String> before = Set.copyOf(evaluator.produces());
    evaluateAll(evaluator);
    assertEquals(before, Set.copyOf(evaluator.produces()),
        () -> plugin() + ": produces() changed after evaluate(); it must be known before any trial");
  }

  /** Checks that each candidate's metrics include every produced metric, with a finite value. */
  @Test
  public void returnsEveryProducedMetric() throws Exception {
    Evaluator evaluator = newEvaluator();
    List<Metrics> results = evaluateAll(evaluator);
    for (int i = 0; i < results.size(); i++) {
      assertProduced(evaluator, candidates().get(i), results.get(i));
    }
  }

  /**
   * Checks that evaluating a candidate twice with the same trial and seed gives equal metrics,
   * on the same instance and on a second one made with the same settings. A
   * {@linkplain #stochastic() stochastic} evaluator only has to give the same metric names.
   */
  @Test
  public void sameCandidateAndSeedGiveSameMetrics() throws Exception {
    Evaluator evaluator = newEvaluator();
    List<Metrics> first = evaluateAll(evaluator);
    List<Metrics> again = evaluateAll(evaluator);
    List<Metrics> other = evaluateAll(newEvaluator());
    for (int i = 0; i < first.size(); i++) {
      Candidate c = candidates().get(i);
      assertSameResult(c, first.get(i), again.get(i), "the same instance");
      assertSameResult(c, first.get(i), other.get(i), "a second instance with the same settings");
    }
  }

  /**
   * Checks that {@link #threads()} threads evaluating every candidate at once each get complete
   * metrics, equal to a lone evaluation's unless the evaluator is stochastic.
   */
  @Test
  public void evaluatesFromSeveralThreadsAtOnce() throws Exception {
    Evaluator evaluator = newEvaluator();
    List<Metrics> alone = evaluateAll(evaluator);
    ExecutorService pool = Executors.newFixedThreadPool(threads());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Metrics>>> futures = new ArrayList<>();
      for (int t = 0; t < threads(); t++) {
        futures.add(pool.submit(() -> {
          start.await();
          return evaluateAll(evaluator);
        }));
      }
      start.countDown();
      for (Future<List<Metrics>> f : futures) {
        List<Metrics> concurrent;
        try {
          concurrent = f.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
          throw new AssertionError(plugin() + ": evaluate() failed when called from "
              + threads() + " threads at once: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
          throw new AssertionError(plugin() + ": evaluate() from " + threads()
              + " threads at once did not finish in 2 minutes; is it deadlocked?", e);
        }
        for (int i = 0; i < alone.size(); i++) {
          Candidate c = candidates().get(i);
          assertProduced(evaluator, c, concurrent.get(i));
          assertSameResult(c, alone.get(i), concurrent.get(i), "another thread at the same time");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Metrics> evaluateAll(Evaluator evaluator) throws Exception {
    List<Candidate> candidates = candidates();
    assertFalse(candidates == null || candidates.isEmpty(),
        () -> plugin() + ": candidates() is empty; give at least one valid candidate");
    List<Metrics> results = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      TestEvaluationContext context =
          TestEvaluationContext.of("lathe-tck-trial-" + i, seed() * 31 + i)
              .withUpstream(upstream(c)).withWorkload(workload(c));
      Metrics m = evaluator.evaluate(c, context);
      assertNotNull(m, () -> plugin() + ": evaluate(" + c + ") returned null");
      results.add(m);
    }
    return results;
  }

  private void assertProduced(Evaluator evaluator, Candidate c, Metrics m) {
    for (String name : evaluator.produces()) {
      Metric metric = m.get(name).orElseThrow(() -> new AssertionError(plugin() + ": evaluate("
          + c + ") returned " + m.names() + " without '" + name + "', which produces() promises"));
      if (!Double.isFinite(metric.value())) {
        fail(plugin() + ": evaluate(" + c + ") gave " + name + " = " + metric.value()
            + "; non-finite values only report failed measurements, and the candidate is valid");
      }
    }
  }

  private void assertSameResult(Candidate c, Metrics expected, Metrics actual, String where) {
    if (stochastic()) {
      assertEquals(expected.names(), actual.names(), () -> plugin() + ": evaluate(" + c
          + ") returned metrics " + actual.names() + " from " + where + " but " + expected.names()
          + " before");
    } else {
      assertEquals(expected, actual, () -> plugin() + ": evaluate(" + c + ") with the same trial"
          + " and seed gave different metrics from " + where + "; derive randomness from"
          + " context.random(), or override stochastic() if the metrics are measured");
    }
  }
}
