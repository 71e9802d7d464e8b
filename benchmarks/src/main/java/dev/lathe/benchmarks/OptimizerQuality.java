package dev.lathe.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.optimize.ParetoFront;
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
 * Lathe's optimizers beside Optuna's samplers on the same test problems at equal budgets, in the
 * same run: simple regret (best value minus the global minimum) on Branin and Hartmann-6, and the
 * hypervolume of all evaluated points with respect to (1, 1) on ZDT1 (30 variables), over several
 * seeds; and the time per trial, one candidate per ask (the objectives cost nanoseconds, so it is
 * the optimizer's time plus its framework's overhead per trial).
 *
 * <p>Lathe runs through the kernel (catalog, engine, memory store, one thread) with each
 * optimizer's default settings: {@code gp-ei}, {@code cmaes} and {@code random} on the
 * single-objective problems, {@code nsga2} on ZDT1 when the catalog has it (the row is skipped,
 * and says so, when it does not). Optuna 3.1 (Debian's {@code python3-optuna}) runs its
 * {@code TPESampler}, {@code CmaEsSampler}, {@code RandomSampler} and {@code NSGAIISampler} with
 * their defaults, by {@code benchmarks/optuna_optimizers.py} from the same JVM process, which
 * first checks its problem definitions at the published minimisers. Hypervolumes of both sides
 * are computed here, by {@link ParetoFront#hypervolume}. The JVM is warmed up with one untimed
 * run of each Lathe optimizer per problem.
 *
 * <p>Run: {@code benchmarks/run-optimizer-quality.sh [--seeds N] [--branin-trials T]
 * [--hartmann6-trials T] [--zdt1-trials T] [--zdt1-seeds N] [--json FILE]}.
 */
public final class OptimizerQuality {

  /** Branin's global minimum, 5 / (4π). */
  static final double BRANIN_MINIMUM = 5 / (4 * Math.PI);
  /** Hartmann-6's global minimum, to the digits known beyond the published −3.32237. */
  static final double HARTMANN6_MINIMUM = -3.32236801141551;
  /** The reference point of ZDT1's hypervolume; the Pareto front's hypervolume is 2/3. */
  static final double[] ZDT1_REFERENCE = {1, 1};

  /**
   * One measured configuration: a problem at a budget, one side's optimizer, its figure per seed.
   *
   * @param problem the test problem's id
   * @param trials the budget
   * @param side {@code Lathe} or {@code Optuna <version>}
   * @param optimizer the optimizer's id or the sampler's name
   * @param metric {@code regret} (lower is better) or {@code hypervolume} (higher is better)
   * @param values the metric per seed
   * @param millisPerTrial the time per trial per seed, in milliseconds
   * @param skipped why the row was not measured, or null
   */
  public record Row(String problem, int trials, String side, String optimizer, String metric,
      List<Double> values, List<Double> millisPerTrial, String skipped) {

    /** The median of the metric over seeds. */
    public double median() {
      return OptimizerQuality.median(values);
    }

    /** The median time per trial over seeds, in milliseconds. */
    public double medianMillisPerTrial() {
      return OptimizerQuality.median(millisPerTrial);
    }
  }

  private final int seeds;
  private final int braninTrials;
  private final int hartmann6Trials;
  private final int zdt1Trials;
  private final int zdt1Seeds;
  private final Path benchmarksDir;
  private final Path python;

  /**
   * A benchmark.
   *
   * @param seeds how many seeds (0 … seeds − 1) each single-objective row runs
   * @param zdt1Seeds how many seeds the ZDT1 rows run
   * @param benchmarksDir the folder holding {@code optuna_optimizers.py}
   * @param python the interpreter with Optuna (Debian's {@code /usr/bin/python3})
   */
  public OptimizerQuality(int seeds, int braninTrials, int hartmann6Trials, int zdt1Trials,
      int zdt1Seeds, Path benchmarksDir, Path python) {
    this.seeds = seeds;
    this.braninTrials = braninTrials;
    this.hartmann6Trials = hartmann6Trials;
    this.zdt1Trials = zdt1Trials;
    this.zdt1Seeds = zdt1Seeds;
    this.benchmarksDir = benchmarksDir;
    this.python = python;
  }

  /** Measures every row. */
  public List<Row> measure() throws IOException, InterruptedException {
    List<Row> rows = new ArrayList<>();
    Path scratch = Files.createTempDirectory("lathe-quality");
    try (Lathe lathe = Lathe.open(scratch.resolve("no-plugins"))) {
      boolean nsga2 = lathe.plugins().stream().anyMatch(p -> p.id().equals("nsga2")
          && p.points().contains(ExtensionPoint.OPTIMIZER));
      for (String optimizer : List.of("gp-ei", "cmaes", "random")) {
        runLathe(lathe, "branin", optimizer, braninTrials, 1_000);
        runLathe(lathe, "hartmann6", optimizer, hartmann6Trials, 1_000);
      }
      for (String problem : List.of("branin", "hartmann6")) {
        int trials = problem.equals("branin") ? braninTrials : hartmann6Trials;
        for (String optimizer : List.of("gp-ei", "cmaes", "random")) {
          rows.add(lathe(lathe, problem, optimizer, trials, seeds));
        }
        rows.addAll(optuna(problem, List.of("tpe", "cmaes", "random"), trials, seeds));
      }
      if (nsga2) {
        runLathe(lathe, "zdt1", "nsga2", zdt1Trials, 1_000);
        rows.add(lathe(lathe, "zdt1", "nsga2", zdt1Trials, zdt1Seeds));
        rows.addAll(optuna("zdt1", List.of("nsga2"), zdt1Trials, zdt1Seeds));
      } else {
        String why = "optimizer 'nsga2' is not in the catalog";
        rows.add(new Row("zdt1", zdt1Trials, "Lathe", "nsga2", "hypervolume", List.of(),
            List.of(), why));
        rows.add(new Row("zdt1", zdt1Trials, "Optuna", "nsga2", "hypervolume", List.of(),
            List.of(), why));
      }
    }
    return rows;
  }

  private Row lathe(Lathe lathe, String problem, String optimizer, int trials, int seedCount) {
    List<Double> values = new ArrayList<>();
    List<Double> millis = new ArrayList<>();
    for (int seed = 0; seed < seedCount; seed++) {
      double[] figures = runLathe(lathe, problem, optimizer, trials, seed);
      values.add(figures[0]);
      millis.add(figures[1]);
    }
    return new Row(problem, trials, "Lathe", optimizer, metric(problem), values, millis, null);
  }

  /** One Lathe run: its figure (regret or hypervolume) and milliseconds per trial. */
  private static double[] runLathe(Lathe lathe, String problem, String optimizer, int trials,
      long seed) {
    long[] span = new long[2];
    ExperimentBuilder b = lathe.newExperiment().name("quality").seed(seed)
        .space(problem, Map.of()).evaluator(problem).optimizer(optimizer)
        .trials(trials).batch(1).executor("local", Map.of("threads", 1))
        .store("memory", Map.of())
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
    b = problem.equals("zdt1") ? b.minimize("f1").minimize("f2") : b.minimize("value");
    ExperimentResult result = b.run();
    if (result.completed() != trials) {
      throw new IllegalStateException("Lathe's " + optimizer + " completed "
          + result.completed() + " of " + trials + " trials on " + problem);
    }
    double figure;
    if (problem.equals("zdt1")) {
      figure = hypervolume(result.trials().stream()
          .map(t -> new double[] {t.metrics().value("f1"), t.metrics().value("f2")})
          .toArray(double[][]::new));
    } else {
      figure = regret(problem, result.trials().stream()
          .mapToDouble(t -> t.metrics().value("value")).min().orElseThrow());
    }
    return new double[] {figure, (span[1] - span[0]) / 1e6 / trials};
  }

  /** Optuna's rows: each sampler on {@code problem}, all in one Python process. */
  private List<Row> optuna(String problem, List<String> samplers, int trials, int seedCount)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(python.toString(),
        benchmarksDir.resolve("optuna_optimizers.py").toString(), "--problem", problem,
        "--samplers", String.join(",", samplers), "--trials", Integer.toString(trials),
        "--seeds", "0-" + (seedCount - 1))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(3, TimeUnit.HOURS) || p.exitValue() != 0) {
      throw new IOException("optuna_optimizers.py --problem " + problem + " --samplers "
          + String.join(",", samplers) + " failed (exit " + p.exitValue() + ")");
    }
    JsonNode n = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    List<Row> rows = new ArrayList<>();
    for (String sampler : samplers) {
      List<Double> values = new ArrayList<>();
      List<Double> millis = new ArrayList<>();
      for (JsonNode run : n.get("samplers").get(sampler)) {
        millis.add(run.get("seconds").asDouble() * 1e3 / trials);
        if (problem.equals("zdt1")) {
          List<double[]> points = new ArrayList<>();
          run.get("points").forEach(v -> points.add(new double[] {v.get(0).asDouble(),
              v.get(1).asDouble()}));
          values.add(hypervolume(points.toArray(double[][]::new)));
        } else {
          values.add(regret(problem, run.get("best").asDouble()));
        }
      }
      rows.add(new Row(problem, trials, "Optuna " + n.get("optuna").asText(), sampler,
          metric(problem), values, millis, null));
    }
    return rows;
  }

  private static String metric(String problem) {
    return problem.equals("zdt1") ? "hypervolume" : "regret";
  }

  private static double regret(String problem, double best) {
    return best - (problem.equals("branin") ? BRANIN_MINIMUM : HARTMANN6_MINIMUM);
  }

  private static double hypervolume(double[][] points) {
    return ParetoFront.hypervolume(points, ZDT1_REFERENCE);
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * Whether {@code lathe}'s median is at least as good as {@code peer}'s on {@code problem}:
   * lower regret, or higher hypervolume.
   */
  public static boolean atLeastAsGood(List<Row> rows, String problem, String lathe,
      String peer) {
    Row ours = find(rows, problem, "Lathe", lathe);
    Row theirs = find(rows, problem, "Optuna", peer);
    return ours.metric().equals("hypervolume") ? ours.median() >= theirs.median()
        : ours.median() <= theirs.median();
  }

  static Row find(List<Row> rows, String problem, String side, String optimizer) {
    return rows.stream().filter(r -> r.problem().equals(problem) && r.side().startsWith(side)
        && r.optimizer().equals(optimizer)).findFirst().orElseThrow();
  }

  /** Prints the table and the targets, met or not. */
  public static void print(List<Row> rows, PrintStream out) {
    Row first = rows.get(0);
    int zdt1Seeds = rows.stream().filter(r -> r.problem().equals("zdt1"))
        .mapToInt(r -> r.values().size()).max().orElse(0);
    out.printf(Locale.ROOT, "Optimizers beside Optuna at equal budgets, one candidate per ask,"
        + " median over %d seeds%s, measured in one run on this machine (%d processors)%n",
        first.values().size(), zdt1Seeds > 0 ? " (ZDT1: " + zdt1Seeds + ")" : "",
        Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "%-10s %7s  %-13s %-8s %-12s %11s %11s %11s %10s%n", "problem",
        "trials", "side", "optimizer", "metric", "median", "best", "worst", "ms/trial");
    for (Row r : rows) {
      if (r.skipped() != null) {
        out.printf(Locale.ROOT, "%-10s %7d  %-13s %-8s %-12s skipped: %s%n", r.problem(),
            r.trials(), r.side(), r.optimizer(), r.metric(), r.skipped());
        continue;
      }
      boolean higher = r.metric().equals("hypervolume");
      double best = r.values().stream().mapToDouble(Double::doubleValue)
          .reduce(higher ? Math::max : Math::min).orElse(Double.NaN);
      double worst = r.values().stream().mapToDouble(Double::doubleValue)
          .reduce(higher ? Math::min : Math::max).orElse(Double.NaN);
      out.printf(Locale.ROOT, "%-10s %7d  %-13s %-8s %-12s %11.3e %11.3e %11.3e %10.3f%n",
          r.problem(), r.trials(), r.side(), r.optimizer(), r.metric(), r.median(), best,
          worst, r.medianMillisPerTrial());
    }
    for (String problem : List.of("branin", "hartmann6")) {
      Row ours = find(rows, problem, "Lathe", "gp-ei");
      Row tpe = find(rows, problem, "Optuna", "tpe");
      out.printf(Locale.ROOT, "target: gp-ei median regret <= TPE's on %s: %s (%.3e vs %.3e)%n",
          problem, atLeastAsGood(rows, problem, "gp-ei", "tpe") ? "met" : "NOT met",
          ours.median(), tpe.median());
    }
    Row nsga2 = find(rows, "zdt1", "Lathe", "nsga2");
    if (nsga2.skipped() == null) {
      out.printf(Locale.ROOT, "target: nsga2 median hypervolume >= Optuna NSGA-II's on zdt1: %s"
          + " (%.4f vs %.4f)%n", atLeastAsGood(rows, "zdt1", "nsga2", "nsga2") ? "met"
              : "NOT met", nsga2.median(), find(rows, "zdt1", "Optuna", "nsga2").median());
    } else {
      out.printf(Locale.ROOT, "target: nsga2 on zdt1 not measured: %s%n", nsga2.skipped());
    }
  }

  /**
   * {@code [--seeds N] [--branin-trials T] [--hartmann6-trials T] [--zdt1-trials T]
   * [--zdt1-seeds N] [--json FILE]}.
   */
  public static void main(String[] args) throws Exception {
    int seeds = 10;
    int braninTrials = 60;
    int hartmann6Trials = 100;
    int zdt1Trials = 10_000;
    int zdt1Seeds = 3;
    Path json = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
        case "--branin-trials" -> braninTrials = Integer.parseInt(args[i + 1]);
        case "--hartmann6-trials" -> hartmann6Trials = Integer.parseInt(args[i + 1]);
        case "--zdt1-trials" -> zdt1Trials = Integer.parseInt(args[i + 1]);
        case "--zdt1-seeds" -> zdt1Seeds = Integer.parseInt(args[i + 1]);
        case "--json" -> json = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (use --seeds N, --branin-trials T, --hartmann6-trials T, --zdt1-trials T,"
            + " --zdt1-seeds N, --json FILE)");
      }
    }
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir", "benchmarks"));
    List<Row> rows = new OptimizerQuality(seeds, braninTrials, hartmann6Trials, zdt1Trials,
        zdt1Seeds, dir, Path.of("/usr/bin/python3")).measure();
    print(rows, System.out);
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), rows);
    }
  }
}
