package dev.lathe.testkit.tck;

import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.spi.ExecutorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs attempts on a fixed pool of threads; a scheduler fails attempts that pass their timeout
 * and interrupts them; closing fails the attempts still in flight.
 */
public final class ThreadPoolExecutorProvider implements ExecutorProvider {

  static final String ID = "tck-thread-pool";

  /** The constructor ServiceLoader calls. */
  public ThreadPoolExecutorProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Fixed thread pool", "[0.1,1.0)");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.integer("threads", 2, "how many attempts run at once").range(1, 64));
  }

  @Override
  public TrialExecutor create(PluginContext context, TrialRunner runner) {
    return new ThreadPoolExecutor(context.settings().getInt("threads"), runner);
  }

  /** The executor. */
  static class ThreadPoolExecutor implements TrialExecutor {
    private final int threads;
    private final TrialRunner runner;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Set<Attempt> inFlight = ConcurrentHashMap.newKeySet();

    ThreadPoolExecutor(int threads, TrialRunner runner) {
      this.threads = threads;
      this.runner = runner;
      this.pool = Executors.newFixedThreadPool(threads);
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public int parallelism() {
      return threads;
    }

    @Override
    public CompletableFuture<TrialOutcome> submit(TrialTask task) {
      Attempt attempt = new Attempt(task);
      inFlight.add(attempt);
      attempt.outcome.whenComplete((o, e) -> inFlight.remove(attempt));
      attempt.running = pool.submit(attempt::run);
      if (!task.timeout().isZero()) {
        timer.schedule(() -> attempt.giveUp("timed out after " + task.timeout().toMillis() + " ms"),
            task.timeout().toMillis(), TimeUnit.MILLISECONDS);
      }
      return attempt.outcome;
    }

    /** Completes {@code outcome} with a failed outcome whose reason is what the runner threw. */
    void completeFailed(CompletableFuture<TrialOutcome> outcome, TrialTask task, Throwable error,
        Instant started, Duration took, String worker) {
      outcome.complete(
          new TrialOutcome(task, Metrics.empty(), error.toString(), started, took, worker));
    }

    @Override
    public void close() {
      for (Attempt a : inFlight) {
        a.giveUp("executor closed");
      }
      pool.shutdownNow();
      timer.shutdownNow();
    }

    /** One attempt: its task, its cancellation flag and its future outcome. */
    final class Attempt {
      final TrialTask task;
      final CompletableFuture<TrialOutcome> outcome = new CompletableFuture<>();
      final AtomicBoolean cancelled = new AtomicBoolean();
      volatile Future<?> running;
      volatile Instant started = Instant.now();

      Attempt(TrialTask task) {
        this.task = task;
      }

      void run() {
        started = Instant.now();
        long t0 = System.nanoTime();
        String worker = Thread.currentThread().getName();
        try {
          Metrics metrics = runner.run(task, cancelled::get);
          outcome.complete(new TrialOutcome(task, metrics, null, started,
              Duration.ofNanos(System.nanoTime() - t0), worker));
        } catch (Exception | OutOfMemoryError e) {
          completeFailed(outcome, task, e, started, Duration.ofNanos(System.nanoTime() - t0), worker);
        }
      }

      void giveUp(String why) {
        if (outcome.complete(new TrialOutcome(task, Metrics.empty(), why, started,
            Duration.between(started, Instant.now()), "local"))) {
          cancelled.set(true);
          Future<?> f = running;
          if (f != null) {
            f.cancel(true);
          }
        }
      }
    }
  }
}
