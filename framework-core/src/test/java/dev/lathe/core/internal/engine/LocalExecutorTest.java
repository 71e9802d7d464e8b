package dev.lathe.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalExecutorTest {

  private static final Duration NO_LIMIT = Duration.ZERO;

  private static TrialTask task(long n, Duration timeout) {
    return new TrialTask("trial-" + n, n, 1, Candidate.of(Map.of("n", n)), n, timeout);
  }

  private static Metrics value(double v) {
    return Metrics.builder().add("value", v, "", Origin.ANALYTIC).build();
  }

  private static TrialOutcome await(CompletableFuture<TrialOutcome> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  /** Tracks how many runs are inside the runner at once. */
  private static final class Concurrency {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger max = new AtomicInteger();

    void enter() {
      max.accumulateAndGet(running.incrementAndGet(), Math::max);
    }

    void leave() {
      running.decrementAndGet();
    }
  }

  @Test
  void idAndParallelism() {
    try (LocalExecutor executor = new LocalExecutor((t, c) -> Metrics.empty(), 3)) {
      assertEquals("local", executor.id());
      assertEquals(3, executor.parallelism());
    }
  }

  @Test
  void runsAsManyAttemptsAtOnceAsItHasThreadsAndNoMore() throws Exception {
    Concurrency concurrency = new Concurrency();
    CyclicBarrier allThree = new CyclicBarrier(3);
    TrialRunner runner = (task, cancelled) -> {
      concurrency.enter();
      try {
        allThree.await(5, TimeUnit.SECONDS);
        Thread.sleep(5);
        return value(task.number());
      } finally {
        concurrency.leave();
      }
    };
    try (LocalExecutor executor = new LocalExecutor(runner, 3)) {
      List<CompletableFuture<TrialOutcome>> futures = new ArrayList<>();
      for (long n = 0; n < 12; n++) {
        futures.add(executor.submit(task(n, NO_LIMIT)));
      }
      for (int n = 0; n < 12; n++) {
        TrialOutcome o = await(futures.get(n));
        assertTrue(o.succeeded(), o.failure());
        assertEquals(n, o.metrics().value("value"));
        assertEquals(n, o.task().number());
        assertTrue(o.worker().startsWith("local/"), o.worker());
      }
    }
    assertEquals(3, concurrency.max.get());
  }

  @Test
  void aTaskThatIgnoresInterruptsTimesOutAndTheOthersKeepFullParallelism() throws Exception {
    AtomicBoolean release = new AtomicBoolean();
    AtomicBoolean hogRunning = new AtomicBoolean();
    Concurrency others = new Concurrency();
    CyclicBarrier pairs = new CyclicBarrier(2);
    TrialRunner runner = (task, cancelled) -> {
      if (task.number() == 0) {
        hogRunning.set(true);
        while (!release.get()) {
          Thread.onSpinWait();
        }
        hogRunning.set(false);
        return value(0);
      }
      others.enter();
      try {
        pairs.await(5, TimeUnit.SECONDS);
        return value(task.number());
      } finally {
        others.leave();
      }
    };
    LocalExecutor executor = new LocalExecutor(runner, 2);
    try {
      long t0 = System.nanoTime();
      CompletableFuture<TrialOutcome> hog = executor.submit(task(0, Duration.ofMillis(100)));
      List<CompletableFuture<TrialOutcome>> rest = new ArrayList<>();
      for (long n = 1; n <= 6; n++) {
        rest.add(executor.submit(task(n, Duration.ofSeconds(10))));
      }
      TrialOutcome timedOut = await(hog);
      assertEquals("timed out after 100 ms", timedOut.failure());
      assertEquals(Metrics.empty(), timedOut.metrics());
      assertTrue(timedOut.duration().toMillis() >= 100, timedOut.duration().toString());
      for (CompletableFuture<TrialOutcome> f : rest) {
        TrialOutcome o = await(f);
        assertTrue(o.succeeded(), o.failure());
      }
      assertTrue(hogRunning.get(), "the hog still spins on its own thread");
      assertEquals(2, others.max.get(), "two attempts ran side by side beside the hog");
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
    } finally {
      release.set(true);
      executor.close();
    }
  }

  @Test
  void aCooperativeTaskSeesCancellationAndInterruptAfterItsTimeout() throws Exception {
    CountDownLatch sawCancel = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    TrialRunner runner = (task, cancelled) -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
      if (cancelled.getAsBoolean()) {
        sawCancel.countDown();
      }
      return value(1);
    };
    try (LocalExecutor executor = new LocalExecutor(runner, 1)) {
      TrialOutcome o = await(executor.submit(task(0, Duration.ofMillis(50))));
      assertEquals("timed out after 50 ms", o.failure());
      assertTrue(sawCancel.await(5, TimeUnit.SECONDS));
      assertTrue(interrupted.get());
      assertEquals("timed out after 50 ms", o.failure(), "finishing late changes nothing");
    }
  }

  @Test
  void outOfMemoryBecomesAFailedOutcomeAndTheExecutorGoesOn() throws Exception {
    TrialRunner runner = (task, cancelled) -> {
      if (task.number() == 0) {
        throw new OutOfMemoryError("test");
      }
      return value(task.number());
    };
    try (LocalExecutor executor = new LocalExecutor(runner, 2)) {
      TrialOutcome oom = await(executor.submit(task(0, NO_LIMIT)));
      assertFalse(oom.succeeded());
      assertEquals("out of memory: test", oom.failure());
      assertEquals(Metrics.empty(), oom.metrics());
      TrialOutcome next = await(executor.submit(task(1, NO_LIMIT)));
      assertTrue(next.succeeded());
      assertEquals(1.0, next.metrics().value("value"));
    }
  }

  @Test
  void anExceptionBecomesAFailedOutcomeWithTypeMessageAndRootCause() throws Exception {
    TrialRunner runner = (task, cancelled) -> {
      throw new IllegalStateException("solver diverged", new ArithmeticException("/ by zero"));
    };
    try (LocalExecutor executor = new LocalExecutor(runner, 2)) {
      TrialOutcome o = await(executor.submit(task(0, NO_LIMIT)));
      assertEquals("IllegalStateException: solver diverged (caused by ArithmeticException: / by zero)",
          o.failure());
      assertEquals(Metrics.empty(), o.metrics());
    }
  }

  @Test
  void oneThreadWithoutTimeoutRunsInTheCallersThread() throws Exception {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    TrialRunner runner = (task, cancelled) -> {
      ranOn.set(Thread.currentThread());
      Thread.sleep(20);
      return value(2);
    };
    try (LocalExecutor executor = new LocalExecutor(runner, 1)) {
      CompletableFuture<TrialOutcome> f = executor.submit(task(0, NO_LIMIT));
      assertTrue(f.isDone(), "complete when submit returns");
      assertSame(Thread.currentThread(), ranOn.get());
      TrialOutcome o = f.getNow(null);
      assertEquals("local/" + Thread.currentThread().getName(), o.worker());
      assertTrue(o.duration().toMillis() >= 20, o.duration().toString());
      assertEquals(2.0, o.metrics().value("value"));
    }
  }

  @Test
  void oneThreadWithATimeoutRunsOnAWorkerThread() throws Exception {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    TrialRunner runner = (task, cancelled) -> {
      ranOn.set(Thread.currentThread());
      return value(3);
    };
    try (LocalExecutor executor = new LocalExecutor(runner, 1)) {
      TrialOutcome o = await(executor.submit(task(0, Duration.ofSeconds(5))));
      assertTrue(ranOn.get().getName().startsWith("lathe-trial-"), ranOn.get().getName());
      assertTrue(ranOn.get().isDaemon());
      assertEquals("local/" + ranOn.get().getName().substring("lathe-trial-".length()),
          o.worker());
    }
  }

  @Test
  void closeFailsQueuedAttemptsWithAReasonAndRefusesNewOnes() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TrialRunner runner = (task, cancelled) -> {
      started.countDown();
      release.await();
      return value(0);
    };
    LocalExecutor executor = new LocalExecutor(runner, 1);
    CompletableFuture<TrialOutcome> running = executor.submit(task(0, Duration.ofSeconds(10)));
    assertTrue(started.await(5, TimeUnit.SECONDS));
    CompletableFuture<TrialOutcome> queued1 = executor.submit(task(1, Duration.ofSeconds(10)));
    CompletableFuture<TrialOutcome> queued2 = executor.submit(task(2, Duration.ofSeconds(10)));
    executor.close();
    for (CompletableFuture<TrialOutcome> f : List.of(queued1, queued2)) {
      TrialOutcome o = await(f);
      assertEquals("executor closed before the attempt started", o.failure());
      assertEquals(Duration.ZERO, o.duration());
      assertEquals("local", o.worker());
    }
    TrialOutcome interrupted = await(running);
    assertEquals("InterruptedException", interrupted.failure());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> executor.submit(task(3, Duration.ofSeconds(1))));
    assertEquals("executor 'local' is closed", e.getMessage());
  }

  @Test
  void aClosedInlineExecutorRefusesNewAttemptsToo() {
    AtomicInteger runs = new AtomicInteger();
    LocalExecutor executor = new LocalExecutor((task, cancelled) -> {
      runs.incrementAndGet();
      return value(0);
    }, 1);
    executor.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> executor.submit(task(0, NO_LIMIT)));
    assertEquals("executor 'local' is closed", e.getMessage());
    assertEquals(0, runs.get());
  }
}
