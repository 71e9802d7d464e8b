package dev.lathe.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentBuilder;
import dev.lathe.core.ExperimentListener;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.Lathe;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's overhead per trial beside Optuna's, like with like, in the same run: random
 * search on Branin (a two-float objective that costs nanoseconds), sequential trials, measured
 * from the first ask to the last tell. Two pairs: Lathe's in-memory store beside Optuna's
 * in-memory storage, and Lathe's durable local store (a trial is written to the OS before it is
 * reported complete, so it survives kill -9; fsync once a second) beside Optuna's journal file
 * (fsync per trial). Lathe is also measured with batches of 64 on two threads. The JVM is
 * warmed up first (untimed runs of {@value #WARM_UP_TRIALS} trials), as any JVM benchmark is;
 * CPython has no JIT to warm.
 *
 * <p>Run: {@code benchmarks/run-kernel-overhead.sh [--trials N] [--repeats R] [--json FILE]}.
 */
public final class KernelOverhead {

  /** Trials of each untimed run that brings the JVM to steady state before measuring. */
  static final int WARM_UP_TRIALS = 20_000;

  /** One measured configuration. */
  public record Row(String pair, String side, String setup, int trials, List<Double> rates) {
    /** The median of the repeats, in trials per second. */
    public double median() {
      List<Double> sorted = rates.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
  }

  private final int trials;
  private final int repeats;
  private final Path benchmarksDir;
  private final Path python;

  /**
   * A benchmark.
   *
   * @param benchmarksDir the folder holding {@code optuna_overhead.py}
   * @param python the interpreter with Optuna (Debian's {@code /usr/bin/python3})
   */
  public KernelOverhead(int trials, int repeats, Path benchmarksDir, Path python) {
    this.trials = trials;
    this.repeats = repeats;
    this.benchmarksDir = benchmarksDir;
    this.python = python;
  }

  /** Measures every row: Optuna's two storages, Lathe's two stores in two setups each. */
  public List<Row> measure() throws IOException, InterruptedException {
    List<Row> rows = new ArrayList<>();
    Path scratch = Files.createTempDirectory("lathe-overhead");
    try (Lathe lathe = Lathe.open(scratch.resolve("no-plugins"))) {
      for (int warmUp = 0; warmUp < 3; warmUp++) {
        run(lathe, false, 1, 1, WARM_UP_TRIALS, scratch);
        run(lathe, false, 64, 2, WARM_UP_TRIALS, scratch);
      }
      rows.add(optuna("memory", "in-memory storage, sequential"));
      rows.add(lathe(lathe, "memory", "memory store, batch 1, 1 thread", false, 1, 1, scratch));
      rows.add(lathe(lathe, "memory", "memory store, batch 64, 2 threads", false, 64, 2, scratch));
      rows.add(optuna("journal", "journal file (fsync per trial), sequential"));
      rows.add(lathe(lathe, "journal", "local store, batch 1, 1 thread", true, 1, 1, scratch));
      rows.add(lathe(lathe, "journal", "local store, batch 64, 2 threads", true, 64, 2, scratch));
    }
    return rows;
  }

  private Row lathe(Lathe lathe, String pair, String setup, boolean durable, int batch,
      int threads, Path scratch) {
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      rates.add(run(lathe, durable, batch, threads, trials,
          scratch.resolve(pair + "-" + batch + "-" + r)));
    }
    return new Row(pair, "Lathe", setup, trials, rates);
  }

  /** One Lathe run; trials per second from the first ask to the last tell. */
  private double run(Lathe lathe, boolean durable, int batch, int threads, int trials,
      Path folder) {
    long[] span = new long[2];
    ExperimentBuilder b = lathe.newExperiment().name("overhead").seed(1)
        .space("branin", Map.of()).evaluator("branin").optimizer("random")
        .minimize("value").trials(trials).batch(batch)
        .executor("local", Map.of("threads", threads))
        .listener(new ExperimentListener() {
          @Override
          public void started(String name, long budgetTrials, long stored) {
            span[0] = System.nanoTime();
          }

          @Override
          public void trialFinished(TrialRecord record, boolean reused, long finished,
              OptionalDouble best) {
            span[1] = System.nanoTime();
          }
        });
    ExperimentResult result = durable ? b.output(folder).run()
        : b.store("memory", Map.of()).run();
    if (result.trials().size() != trials) {
      throw new IllegalStateException("Lathe ran " + result.trials().size() + " of " + trials);
    }
    return trials / ((span[1] - span[0]) / 1e9);
  }

  private Row optuna(String storage, String setup) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(python.toString(),
        benchmarksDir.resolve("optuna_overhead.py").toString(), "--trials",
        Integer.toString(trials), "--repeats", Integer.toString(repeats), "--storage", storage)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
      throw new IOException("optuna_overhead.py failed (exit " + p.exitValue() + ")");
    }
    JsonNode n = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    List<Double> rates = new ArrayList<>();
    n.get("rates").forEach(v -> rates.add(v.asDouble()));
    return new Row(storage, "Optuna " + n.get("optuna").asText(), setup, trials, rates);
  }

  /** The ratio of a Lathe row's median to its pair's Optuna median. */
  public static double ratio(List<Row> rows, Row lathe) {
    Row peer = rows.stream().filter(r -> r.pair().equals(lathe.pair())
        && r.side().startsWith("Optuna")).findFirst().orElseThrow();
    return lathe.median() / peer.median();
  }

  /** Prints the table: every row's median and its ratio to Optuna in the same pair. */
  public static void print(List<Row> rows, PrintStream out) {
    out.printf(Locale.ROOT, "Kernel overhead per trial: random search on Branin, %d trials,"
        + " median of %d repeats, measured in one run on this machine (%d processors)%n",
        rows.get(0).trials(), rows.get(0).rates().size(),
        Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "%-8s %-13s %-45s %12s %10s%n", "pair", "side", "setup",
        "trials/s", "vs Optuna");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "%-8s %-13s %-45s %,12.0f %9.1fx%n", r.pair(), r.side(), r.setup(),
          r.median(), ratio(rows, r));
    }
  }

  /** {@code [--trials N] [--repeats R] [--json FILE]}. */
  public static void main(String[] args) throws Exception {
    int trials = 10_000;
    int repeats = 3;
    Path json = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--trials" -> trials = Integer.parseInt(args[i + 1]);
        case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
        case "--json" -> json = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (use --trials N, --repeats R, --json FILE)");
      }
    }
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir", "benchmarks"));
    List<Row> rows = new KernelOverhead(trials, repeats, dir, Path.of("/usr/bin/python3"))
        .measure();
    print(rows, System.out);
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), rows);
    }
  }
}
