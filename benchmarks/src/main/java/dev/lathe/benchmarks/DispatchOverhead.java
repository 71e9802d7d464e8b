package dev.lathe.benchmarks;

import dev.lathe.core.ExperimentResult;
import dev.lathe.core.Lathe;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The distributed executor's dispatch overhead: trials that sleep a fixed time run on 1, 2, …
 * worker JVMs ({@code lathe worker}, separate processes on loopback) with several slots each;
 * the run's wall time (first ask to last tell) is printed beside the ideal, trials × sleep /
 * slots, as a ratio. The {@code local} executor with the same number of threads in the driver's
 * JVM is measured in the same run as the reference without any network. Each measured run
 * follows an untimed warm-up run.
 *
 * <p>Run: {@code benchmarks/run-dispatch-overhead.sh [--trials N] [--sleep-ms MS] [--workers W]
 * [--slots S] [--batch-factor F] [--prefetch P]}.
 */
public final class DispatchOverhead {

  /** One measured configuration. */
  public record Row(String executor, int workers, int slots, int batch, int trials, long sleepMs,
      double wallSeconds) {

    /** The wall time with no overhead at all: trials × sleep / slots. */
    public double idealSeconds() {
      return Math.ceil((double) trials / slots) * sleepMs / 1000.0;
    }

    /** Wall time over ideal. */
    public double ratio() {
      return wallSeconds / idealSeconds();
    }
  }

  private static final List<String> HAZELCAST_FLAGS = List.of(
      "--add-modules", "java.se,jdk.net,jdk.management,jdk.unsupported",
      "--add-exports", "java.base/jdk.internal.ref=com.hazelcast.core",
      "--add-opens", "java.base/java.lang=com.hazelcast.core",
      "--add-opens", "java.base/sun.nio.ch=com.hazelcast.core",
      "--add-opens", "java.management/sun.management=com.hazelcast.core",
      "--add-opens", "jdk.management/com.sun.management.internal=com.hazelcast.core");

  private final int trials;
  private final long sleepMs;
  private final int maxWorkers;
  private final int slots;
  private final int batchFactor;
  private final int prefetch;

  /**
   * A benchmark.
   *
   * @param maxWorkers measured with 1, 2, … up to this many workers
   * @param slots slots per worker
   * @param batchFactor trials asked at once, as a multiple of the slots
   * @param prefetch the executor's {@code prefetch}: attempts per slot queued on a worker
   */
  public DispatchOverhead(int trials, long sleepMs, int maxWorkers, int slots, int batchFactor,
      int prefetch) {
    this.trials = trials;
    this.sleepMs = sleepMs;
    this.maxWorkers = maxWorkers;
    this.slots = slots;
    this.batchFactor = batchFactor;
    this.prefetch = prefetch;
  }

  /** Starts the workers one by one, measuring after each; then the local executor. */
  public List<Row> measure() throws IOException, InterruptedException {
    List<Row> rows = new ArrayList<>();
    Path scratch = Files.createTempDirectory("lathe-dispatch");
    int port = freePorts();
    String cluster = "lathe-bench-" + UUID.randomUUID();
    List<Process> workers = new ArrayList<>();
    try (Lathe lathe = Lathe.open(scratch.resolve("no-plugins"))) {
      for (int w = 1; w <= maxWorkers; w++) {
        workers.add(startWorker(scratch, port, cluster, w));
        rows.add(run(lathe, Map.of("members", List.of("127.0.0.1:" + port),
            "cluster-name", cluster, "port", port, "min-workers", w, "prefetch", prefetch),
            "hazelcast", w));
      }
      for (int w = 1; w <= maxWorkers; w++) {
        rows.add(run(lathe, Map.of("threads", w * slots), "local", w));
      }
    } finally {
      for (Process p : workers) {
        p.destroy();
      }
      for (Process p : workers) {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
    return rows;
  }

  /**
   * One measured run, after an untimed one of as many trials that sleep 0 ms: the JVMs (the
   * driver's and the workers') reach steady state first, as in any JVM benchmark.
   */
  private Row run(Lathe lathe, Map<String, ?> executorSettings, String executor, int workers) {
    int total = workers * slots;
    int batch = total * batchFactor;
    experiment(lathe, executorSettings, executor, workers, batch, 0);
    ExperimentResult result = experiment(lathe, executorSettings, executor, workers, batch,
        sleepMs);
    if (result.trials().size() != trials
        || result.trials().stream().anyMatch(t -> !t.completed())) {
      throw new IllegalStateException(executor + " with " + workers + " workers completed "
          + result.trials().stream().filter(t -> t.completed()).count() + " of " + trials);
    }
    return new Row(executor, workers, total, batch, trials, sleepMs,
        result.elapsed().toNanos() / 1e9);
  }

  private ExperimentResult experiment(Lathe lathe, Map<String, ?> executorSettings,
      String executor, int workers, int batch, long sleep) {
    return lathe.newExperiment().name("dispatch-" + sleep).seed(workers)
        .space("branin", Map.of()).evaluator("sleep", Map.of("ms", sleep))
        .optimizer("random").minimize("slept_ms").trials(trials).batch(batch)
        .executor(executor, executorSettings).store("memory", Map.of()).run();
  }

  /** Starts worker {@code n} (from 1) and waits until it serves. */
  private Process startWorker(Path scratch, int port, String cluster, int n)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(HAZELCAST_FLAGS);
    cmd.addAll(List.of("-Xmx256m", "-p", System.getProperty("jdk.module.path")));
    String classPath = System.getProperty("java.class.path", "");
    if (!classPath.isEmpty()) {
      cmd.addAll(List.of("-cp", classPath));
    }
    cmd.addAll(List.of("-m", "dev.lathe.core/dev.lathe.core.internal.cli.LatheCommand",
        "worker", "--port", Integer.toString(port), "--slots", Integer.toString(slots),
        "--cluster-name", cluster, "--plugins-dir", scratch.resolve("no-plugins").toString()));
    if (n > 1) {
      cmd.addAll(List.of("--join", "127.0.0.1:" + port));
    }
    Path out = scratch.resolve("worker" + n + ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(scratch.resolve("worker" + n + ".err").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!(Files.exists(out) && Files.readString(out).contains(" serving with "))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("worker " + n + " did not start: "
            + Files.readString(scratch.resolve("worker" + n + ".err")));
      }
      Thread.sleep(50);
    }
    return p;
  }

  /** Prints the table: every row's wall time beside its ideal, as a ratio. */
  public static void print(List<Row> rows, PrintStream out) {
    Row first = rows.get(0);
    out.printf(Locale.ROOT, "Dispatch overhead: %d trials sleeping %d ms, random search,"
        + " workers on loopback (separate JVMs), measured in one run on this machine"
        + " (%d processors)%n", first.trials(), first.sleepMs(),
        Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "%-10s %7s %6s %6s %9s %9s %9s%n", "executor", "workers", "slots",
        "batch", "wall s", "ideal s", "vs ideal");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "%-10s %7s %6d %6d %9.3f %9.3f %8.2fx%n", r.executor(),
          r.executor().equals("local") ? "-" : Integer.toString(r.workers()), r.slots(),
          r.batch(), r.wallSeconds(), r.idealSeconds(), r.ratio());
    }
  }

  /**
   * {@code [--trials N] [--sleep-ms MS] [--workers W] [--slots S] [--batch-factor F]
   * [--prefetch P]}.
   */
  public static void main(String[] args) throws Exception {
    int trials = 1000;
    long sleepMs = 20;
    int workers = 3;
    int slots = 4;
    int batchFactor = 4;
    int prefetch = 1;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--trials" -> trials = Integer.parseInt(args[i + 1]);
        case "--sleep-ms" -> sleepMs = Long.parseLong(args[i + 1]);
        case "--workers" -> workers = Integer.parseInt(args[i + 1]);
        case "--slots" -> slots = Integer.parseInt(args[i + 1]);
        case "--batch-factor" -> batchFactor = Integer.parseInt(args[i + 1]);
        case "--prefetch" -> prefetch = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (use --trials N, --sleep-ms MS, --workers W, --slots S, --batch-factor F,"
            + " --prefetch P)");
      }
    }
    print(new DispatchOverhead(trials, sleepMs, workers, slots, batchFactor, prefetch)
        .measure(), System.out);
  }

  /** The first of 110 ports on 127.0.0.1 that are free now, at random in 20000–40000. */
  private static int freePorts() throws IOException {
    Random random = new Random();
    for (int tries = 0; tries < 100; tries++) {
      int first = 20000 + random.nextInt(20000);
      boolean free = true;
      for (int p = first; p < first + 110 && free; p++) {
        try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"))) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return first;
      }
    }
    throw new IOException("no 110 free ports on 127.0.0.1 in 100 tries");
  }
}
