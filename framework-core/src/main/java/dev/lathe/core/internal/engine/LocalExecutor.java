package dev.lathe.core.internal.engine;

import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs attempts on at most {@code threads} threads of this JVM. Each busy slot is a worker
 * loop that takes queued attempts until none are left. An attempt that runs past its timeout
 * is interrupted and reported failed at once, and its slot goes to a fresh worker, so a trial
 * that ignores interruption costs a thread but never capacity.
 *
 * <p>With one thread and no timeout an attempt runs in the submitting thread itself: nothing
 * could run beside it and nothing would interrupt it, so handing it to another thread would only
 * add two context switches per trial.
 */
final class LocalExecutor implements TrialExecutor {

  private final TrialRunner runner;
  private final int threads;
  private final Queue<Job> pending = new ArrayDeque<>();
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private int busy;
  private boolean closed;

  LocalExecutor(TrialRunner runner, int threads) {
    this.runner = runner;
    this.threads = threads;
    AtomicInteger counter = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(daemon("lathe-trial-", counter));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("lathe-timeout-", counter));
  }

  @Override
  public String id() {
    return LocalExecutorProvider.ID;
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public CompletableFuture<TrialOutcome> submit(TrialTask task) {
    Job job = new Job(task);
    boolean inline = threads == 1 && task.timeout().isZero();
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("executor 'local' is closed");
      }
      if (!inline) {
        pending.add(job);
        if (busy < threads) {
          busy++;
          workers.execute(this::work);
        }
      }
    }
    if (inline) {
      job.run();
    }
    return job.future;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      pending.forEach(j -> j.fail("executor closed before the attempt started", Instant.now()));
      pending.clear();
    }
    workers.shutdownNow();
    timer.shutdownNow();
  }

  /** One worker loop: runs queued attempts until none are left or its attempt timed out. */
  private void work() {
    while (true) {
      Job job;
      synchronized (this) {
        job = pending.poll();
        if (job == null) {
          busy--;
          return;
        }
      }
      if (!job.run()) {
        return;
      }
    }
  }

  /** Hands the slot of a timed-out attempt to a fresh worker. */
  private void replaceWorker() {
    synchronized (this) {
      if (!closed && !pending.isEmpty()) {
        workers.execute(this::work);
      } else {
        busy--;
      }
    }
  }

  private static ThreadFactory daemon(String prefix, AtomicInteger counter) {
    return r -> {
      Thread t = new Thread(r, prefix + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** One attempt and the race between its end and its timeout. */
  private final class Job {
    final TrialTask task;
    final CompletableFuture<TrialOutcome> future = new CompletableFuture<>();
    final AtomicBoolean decided = new AtomicBoolean();
    volatile boolean cancelled;
    volatile Thread thread;

    Job(TrialTask task) {
      this.task = task;
    }

    /** Runs the attempt; false if it lost its slot to a timeout. */
    boolean run() {
      thread = Thread.currentThread();
      Instant started = Instant.now();
      long t0 = System.nanoTime();
      ScheduledFuture<?> deadline = null;
      Duration timeout = task.timeout();
      if (!timeout.isZero()) {
        deadline = timer.schedule(() -> timeOut(started, t0), timeout.toNanos(),
            TimeUnit.NANOSECONDS);
      }
      Metrics metrics = null;
      String failure = null;
      try {
        metrics = runner.run(task, () -> cancelled);
      } catch (OutOfMemoryError e) {
        failure = "out of memory: " + e.getMessage();
      } catch (Throwable e) {
        failure = Failures.describe(e);
      }
      if (deadline != null) {
        deadline.cancel(false);
      }
      Thread.interrupted();
      if (!decided.compareAndSet(false, true)) {
        return false;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      future.complete(new TrialOutcome(task, failure == null ? metrics : Metrics.empty(), failure,
          started, took, worker()));
      return true;
    }

    void timeOut(Instant started, long t0) {
      if (decided.compareAndSet(false, true)) {
        cancelled = true;
        Thread t = thread;
        if (t != null) {
          t.interrupt();
        }
        future.complete(new TrialOutcome(task, Metrics.empty(),
            "timed out after " + task.timeout().toMillis() + " ms",
            started, Duration.ofNanos(System.nanoTime() - t0), worker()));
        replaceWorker();
      }
    }

    void fail(String reason, Instant when) {
      if (decided.compareAndSet(false, true)) {
        future.complete(new TrialOutcome(task, Metrics.empty(), reason, when, Duration.ZERO,
            "local"));
      }
    }

    private String worker() {
      Thread t = thread;
      if (t == null) {
        return "local";
      }
      String name = t.getName();
      return name.startsWith("lathe-trial-")
          ? "local/" + name.substring("lathe-trial-".length()) : "local/" + name;
    }
  }
}
