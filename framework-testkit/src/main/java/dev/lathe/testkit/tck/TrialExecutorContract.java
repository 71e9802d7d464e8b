package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.ExecutorProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TrialExecutor}: every submitted future completes normally, with the
 * submitted task and the runner's metrics, or with a failed outcome and its reason when the
 * attempt throws, runs out of memory or runs past its timeout (a zero timeout meaning none);
 * failures do not stop it; {@code parallelism()} attempts really run at once; {@code close()}
 * returns promptly and still completes the futures of attempts in flight.
 *
 * <p>The contract creates executors through {@link ExecutorProvider#create} with a runner of
 * its own, which acts on each task's candidate: it squares {@code x}, throws, runs out of
 * memory, sleeps or hangs until cancelled.
 *
 * <pre>{@code
 * class MyExecutorTest extends TrialExecutorContract {
 *   @Override protected ExecutorProvider provider() { return new MyExecutorProvider(); }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class TrialExecutorContract extends PluginProviderContract<ExecutorProvider> {

  private static final String SQUARE = "square";
  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);
  private static final Duration LONGEST_HANG = Duration.ofMinutes(1);

  private final AtomicBoolean released = new AtomicBoolean();

  /** For subclasses. */
  protected TrialExecutorContract() {}

  /** How much later than its timeout an attempt's future may complete. Default: 5 seconds. */
  protected Duration timeoutGrace() {
    return Duration.ofSeconds(5);
  }

  /** How long any future or {@code close()} may take. Default: 30 seconds. */
  protected Duration completionLimit() {
    return Duration.ofSeconds(30);
  }

  @Override
  protected final ExtensionPoint point() {
    return ExtensionPoint.EXECUTOR;
  }

  @Override
  protected final String instanceId() {
    try (TrialExecutor executor = newExecutor(new ContractRunner(1))) {
      return executor.id();
    }
  }

  /** A new executor from the provider with {@link #context()}, running attempts with {@code runner}. */
  protected final TrialExecutor newExecutor(TrialRunner runner) {
    TrialExecutor executor = provider().create(context(), runner);
    assertNotNull(executor, () -> plugin() + ": create() returned null");
    return executor;
  }

  /** Lets attempts that still hang after a test end. */
  @AfterEach
  public final void releaseHangingAttempts() {
    released.set(true);
  }

  /** Checks that parallelism() is at least 1. */
  @Test
  public void parallelismIsAtLeastOne() {
    try (TrialExecutor executor = newExecutor(new ContractRunner(1))) {
      assertTrue(executor.parallelism() >= 1,
          () -> plugin() + ": parallelism() is " + executor.parallelism() + "; it must be at least 1");
    }
  }

  /** Checks that 24 attempts all complete normally with their task and the runner's metrics. */
  @Test
  public void everySubmittedFutureCompletesNormally() {
    try (TrialExecutor executor = newExecutor(new ContractRunner(1))) {
      List<TrialTask> tasks = new ArrayList<>();
      List<CompletableFuture<TrialOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        TrialTask task = task(i, SQUARE, Duration.ZERO);
        tasks.add(task);
        futures.add(submit(executor, task));
      }
      for (int i = 0; i < tasks.size(); i++) {
        assertSquared(tasks.get(i), await(futures.get(i), completionLimit()));
      }
    }
  }

  /** Checks that an attempt that throws becomes a failed outcome whose reason has the message. */
  @Test
  public void exceptionBecomesFailedOutcome() {
    try (TrialExecutor executor = newExecutor(new ContractRunner(1))) {
      TrialTask task = task(0, "throw", Duration.ZERO);
      assertFailed(task, await(submit(executor, task), completionLimit()),
          "lathe-tck deliberate failure", "threw IllegalStateException");
    }
  }

  /** Checks that an attempt that runs out of memory becomes a failed outcome with a reason. */
  @Test
  public void outOfMemoryBecomesFailedOutcome() {
    try (TrialExecutor executor = newExecutor(new ContractRunner(1))) {
      TrialTask task = task(0, "out-of-memory", Duration.ZERO);
      assertFailed(task, await(submit(executor, task), completionLimit()),
          "lathe-tck deliberate out-of-memory", "threw OutOfMemoryError");
    }
  }

  /**
   * Checks that an attempt that runs past its timeout becomes a failed outcome soon after the
   * timeout, and that the runner is told to stop (its cancelled flag or thread interruption).
   */
  @Test
  public void timeoutBecomesFailedOutcome() throws InterruptedException {
    ContractRunner runner = new ContractRunner(1);
    try (TrialExecutor executor = newExecutor(runner)) {
      TrialTask task = task(0, "hang", SHORT_TIMEOUT);
      TrialOutcome outcome = await(submit(executor, task), SHORT_TIMEOUT.plus(timeoutGrace()));
      assertFalse(outcome.succeeded(), () -> plugin() + ": an attempt that hung past its "
          + SHORT_TIMEOUT.toMillis() + " ms timeout succeeded");
      assertFalse(outcome.failure().isBlank(),
          () -> plugin() + ": the failure of a timed-out attempt has no reason");
      assertTrue(runner.stopped.await(timeoutGrace().toMillis(), TimeUnit.MILLISECONDS),
          () -> plugin() + ": the runner of a timed-out attempt was neither cancelled nor"
              + " interrupted; set its cancelled flag or interrupt it when giving up");
    }
  }

  /** Checks that a zero timeout means no limit and a timeout longer than the attempt is no failure. */
  @Test
  public void attemptsWithinTheirTimeoutSucceed() {
    try (TrialExecutor executor = newExecutor(new ContractRunner(1))) {
      TrialTask unlimited = task(3, "sleep", Duration.ZERO);
      TrialTask limited = task(4, "sleep", Duration.ofSeconds(20));
      CompletableFuture<TrialOutcome> first = submit(executor, unlimited);
      CompletableFuture<TrialOutcome> second = submit(executor, limited);
      assertSquared(unlimited, await(first, completionLimit()));
      assertSquared(limited, await(second, completionLimit()));
    }
  }

  /** Checks that attempts after ones that threw or ran out of memory still succeed. */
  @Test
  public void failuresDoNotStopTheExecutor() {
    try (TrialExecutor executor = newExecutor(new ContractRunner(1))) {
      List<CompletableFuture<TrialOutcome>> failures = new ArrayList<>();
      for (int i = 0; i < 2 * executor.parallelism(); i++) {
        failures.add(submit(executor, task(i, i % 2 == 0 ? "throw" : "out-of-memory", Duration.ZERO)));
      }
      for (CompletableFuture<TrialOutcome> f : failures) {
        await(f, completionLimit());
      }
      for (int i = 0; i < 8; i++) {
        TrialTask task = task(100 + i, SQUARE, Duration.ZERO);
        assertSquared(task, await(submit(executor, task), completionLimit()));
      }
    }
  }

  /** Checks that as many attempts as parallelism() (at most 4) run at the same time. */
  @Test
  public void runsParallelismAttemptsAtOnce() {
    ContractRunner probe = new ContractRunner(1);
    int together;
    try (TrialExecutor executor = newExecutor(probe)) {
      together = Math.min(4, executor.parallelism());
    }
    ContractRunner runner = new ContractRunner(together);
    try (TrialExecutor executor = newExecutor(runner)) {
      List<CompletableFuture<TrialOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < together; i++) {
        futures.add(submit(executor, task(i, "rendezvous", Duration.ZERO)));
      }
      for (CompletableFuture<TrialOutcome> f : futures) {
        TrialOutcome outcome = await(f, completionLimit());
        assertTrue(outcome.succeeded(), () -> plugin() + ": parallelism() is " + together
            + " or more, but " + together + " attempts did not all run at once: "
            + outcome.failure());
      }
    }
  }

  /**
   * Checks that close() returns promptly while an attempt hangs, and that the attempt's future
   * still completes normally.
   */
  @Test
  public void closeCompletesAttemptsInFlight() {
    ContractRunner runner = new ContractRunner(1);
    TrialExecutor executor = newExecutor(runner);
    TrialTask done = task(1, SQUARE, Duration.ZERO);
    assertSquared(done, await(submit(executor, done), completionLimit()));
    CompletableFuture<TrialOutcome> inFlight = submit(executor, task(2, "hang", Duration.ZERO));
    assertTimeoutPreemptively(completionLimit(), executor::close, () -> plugin()
        + ": close() did not return within " + completionLimit() + " while an attempt hung");
    TrialOutcome outcome = await(inFlight, completionLimit());
    assertNotNull(outcome, () -> plugin() + ": the future of an attempt in flight at close()"
        + " completed with null");
  }

  private CompletableFuture<TrialOutcome> submit(TrialExecutor executor, TrialTask task) {
    CompletableFuture<TrialOutcome> future = executor.submit(task);
    assertNotNull(future, () -> plugin() + ": submit(" + task.trialId() + ") returned null");
    return future;
  }

  private TrialOutcome await(CompletableFuture<TrialOutcome> future, Duration limit) {
    try {
      TrialOutcome outcome = future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      assertNotNull(outcome, () -> plugin() + ": a future completed with null, not an outcome");
      return outcome;
    } catch (ExecutionException e) {
      throw new AssertionError(plugin() + ": a future completed exceptionally with "
          + e.getCause() + "; it must complete normally, with a failed outcome", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(plugin() + ": a future did not complete within " + limit, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for an attempt", e);
    }
  }

  private void assertSquared(TrialTask task, TrialOutcome outcome) {
    assertEquals(task, outcome.task(), () -> plugin() + ": the outcome of " + task.trialId()
        + " carries another task: " + outcome.task());
    assertTrue(outcome.succeeded(), () -> plugin() + ": attempt " + task.trialId()
        + " failed although the runner succeeded: " + outcome.failure());
    double x = task.candidate().getDouble("x");
    assertEquals(Metrics.builder().add(SQUARE, x * x, "", Origin.ANALYTIC).build(),
        outcome.metrics(), () -> plugin() + ": the outcome of " + task.trialId()
            + " does not carry the runner's metrics");
    assertFalse(outcome.worker().isBlank(),
        () -> plugin() + ": the outcome of " + task.trialId() + " names no worker");
    assertFalse(outcome.duration().isNegative(),
        () -> plugin() + ": the outcome of " + task.trialId() + " has a negative duration");
  }

  private void assertFailed(TrialTask task, TrialOutcome outcome, String reason, String what) {
    assertEquals(task, outcome.task(), () -> plugin() + ": the outcome of " + task.trialId()
        + " carries another task: " + outcome.task());
    assertFalse(outcome.succeeded(),
        () -> plugin() + ": an attempt whose runner " + what + " succeeded");
    assertTrue(outcome.failure().contains(reason), () -> plugin() + ": the failure of an attempt"
        + " whose runner " + what + " is '" + outcome.failure() + "'; include the error's message");
    assertEquals(0, outcome.metrics().size(), () -> plugin() + ": a failed outcome carries"
        + " metrics " + outcome.metrics() + "; they must be empty");
  }

  private static TrialTask task(int number, String behaviour, Duration timeout) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("behaviour", behaviour);
    values.put("x", (long) number);
    return new TrialTask("lathe-tck-" + behaviour + "-" + number, number, 1,
        Candidate.of(values), 1000L + number, timeout);
  }

  /** The runner the contract gives executors; its behaviour is the candidate's {@code behaviour}. */
  private final class ContractRunner implements TrialRunner {
    private final int rendezvous;
    private final CountDownLatch arrived;
    private final CountDownLatch stopped = new CountDownLatch(1);

    ContractRunner(int rendezvous) {
      this.rendezvous = rendezvous;
      this.arrived = new CountDownLatch(rendezvous);
    }

    @Override
    public Metrics run(TrialTask task, BooleanSupplier cancelled) throws Exception {
      String behaviour = task.candidate().getString("behaviour");
      switch (behaviour) {
        case "throw":
          throw new IllegalStateException("lathe-tck deliberate failure of " + task.trialId());
        case "out-of-memory":
          throw new OutOfMemoryError("lathe-tck deliberate out-of-memory in " + task.trialId());
        case "hang":
          hang(cancelled);
          return Metrics.empty();
        case "sleep":
          Thread.sleep(300);
          break;
        case "rendezvous":
          arrived.countDown();
          if (!arrived.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (rendezvous - arrived.getCount())
                + " of " + rendezvous + " attempts were running after 10 s");
          }
          break;
        default:
          break;
      }
      double x = task.candidate().getDouble("x");
      return Metrics.builder().add(SQUARE, x * x, "", Origin.ANALYTIC).build();
    }

    private void hang(BooleanSupplier cancelled) throws InterruptedException {
      long deadline = System.nanoTime() + LONGEST_HANG.toNanos();
      try {
        while (!cancelled.getAsBoolean() && !released.get() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        if (cancelled.getAsBoolean()) {
          stopped.countDown();
        }
      } catch (InterruptedException e) {
        stopped.countDown();
        throw e;
      }
    }
  }
}
