package dev.lathe.hazelcast.internal;

import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs attempts of a member. An attempt with a timeout runs on a thread of its own, so that when
 * it runs past the timeout it is reported failed at once (its runner is told to stop and
 * interrupted) while the member's executor thread goes back to work; one without a timeout runs
 * in the calling executor thread, saving a hand-over per trial.
 */
final class Attempts implements AutoCloseable {

  private final ExecutorService threads;

  Attempts(String name) {
    AtomicInteger counter = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, name + "-trial-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs {@code task} with {@code runner} and waits for its outcome.
   *
   * @param worker names the member in the outcome, e.g. {@code 127.0.0.1:5702}
   */
  TrialOutcome run(TrialRunner runner, TrialTask task, String worker) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    AtomicBoolean cancelled = new AtomicBoolean();
    if (task.timeout().isZero()) {
      return inline(runner, task, worker, started, t0, cancelled);
    }
    Future<Metrics> attempt = threads.submit(() -> {
      String thread = Thread.currentThread().getName();
      Thread.currentThread().setName(thread + "-" + task.trialId());
      try {
        return runner.run(task, cancelled::get);
      } finally {
        Thread.currentThread().setName(thread);
      }
    });
    String failure;
    Metrics metrics = Metrics.empty();
    try {
      metrics = attempt.get(task.timeout().toNanos(), TimeUnit.NANOSECONDS);
      failure = null;
    } catch (TimeoutException e) {
      cancelled.set(true);
      attempt.cancel(true);
      failure = "timed out after " + task.timeout().toMillis() + " ms";
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      failure = cause instanceof OutOfMemoryError ? "out of memory: " + cause.getMessage()
          : describe(cause);
    } catch (InterruptedException e) {
      cancelled.set(true);
      attempt.cancel(true);
      Thread.currentThread().interrupt();
      failure = "interrupted on worker " + worker + ": it is shutting down";
    }
    return new TrialOutcome(task, failure == null ? metrics : Metrics.empty(), failure, started,
        Duration.ofNanos(System.nanoTime() - t0), worker);
  }

  private static TrialOutcome inline(TrialRunner runner, TrialTask task, String worker,
      Instant started, long t0, AtomicBoolean cancelled) {
    Metrics metrics = Metrics.empty();
    String failure = null;
    try {
      metrics = runner.run(task, cancelled::get);
    } catch (OutOfMemoryError e) {
      failure = "out of memory: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted on worker " + worker + ": it is shutting down";
    } catch (Exception | LinkageError | StackOverflowError e) {
      failure = describe(e);
    }
    return new TrialOutcome(task, failure == null ? metrics : Metrics.empty(), failure, started,
        Duration.ofNanos(System.nanoTime() - t0), worker);
  }

  /** The exception's type and message, and its root cause's when different. */
  static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = oneLine(t);
    return root == t ? text : text + " (caused by " + oneLine(root) + ")";
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage();
    String name = e.getClass().getSimpleName();
    return message == null ? name : name + ": " + message.replace('\n', ' ').strip();
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
