package dev.lathe.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Embedding;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Shape;
import dev.lathe.nd4j.Nd4jRuntime;
import dev.lathe.nd4j.network.SameDiffNetwork;
import dev.lathe.nd4j.train.Dataset;
import dev.lathe.nd4j.train.LearningRateSchedule;
import dev.lathe.nd4j.train.Models;
import dev.lathe.nd4j.train.TrainableModel;
import dev.lathe.nd4j.train.Trainer;
import dev.lathe.nd4j.train.TrainingConfig;
import dev.lathe.nd4j.train.Updater;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Training steps per second of Lathe's training loop (ND4J SameDiff) beside PyTorch's, like with
 * like, in the same run on the same machine with the same number of threads, softmax
 * cross-entropy and Adam (lr 1e-3), batches drawn in a fresh random order every epoch:
 *
 * <ul>
 *   <li>{@code mlp}: an MLP 784-256-10 ({@link Models#mlp}), batches of 128 synthetic examples
 *       with Fashion-MNIST's shapes;
 *   <li>{@code cnn}: a small CNN ({@link Models#smallCnn}: conv 3×3 → 32, conv 3×3 → 64,
 *       max-pool, dense 128, dense 10), the same data;
 *   <li>{@code transformer}: one pre-norm transformer block described as a {@link Network}
 *       ({@link #transformerBlock()}) and built by the {@link SameDiffNetwork} bridge, trained
 *       as a language model (next-token logits at every position) on batches of 32 sequences of
 *       64 uniform random tokens.
 * </ul>
 *
 * <p>PyTorch 1.13 is Debian's {@code python3-torch}, run by {@code /usr/bin/python3
 * benchmarks/torch_training.py}. Both sides make untimed warm-up steps first; the rate is the
 * median over repeats of timed steps.
 *
 * <p>ND4J fixes its thread count when it starts, from {@code OMP_NUM_THREADS}: the run script
 * sets it, this class reads it back from the backend and starts PyTorch with the same.
 *
 * <p>After its timed steps, Lathe makes {@code --profile-steps} more with {@link OpTimes}
 * listening, and the table says how much of a step's CPU time SameDiff's ops take, beside
 * PyTorch's whole step (CPU time of the thread that trains, on both sides).
 *
 * <p>Run: {@code benchmarks/run-training-throughput.sh [--threads N]
 * [--models mlp,cnn,transformer] [--warmup W] [--steps S] [--repeats R] [--profile-steps P]
 * [--json FILE]}.
 */
public final class TrainingThroughput {

  static {
    // ND4J is on the class path: this module reads the unnamed module (docs/training.md).
    TrainingThroughput.class.getModule()
        .addReads(TrainingThroughput.class.getClassLoader().getUnnamedModule());
  }

  /** How many of the most expensive ops a profiled row names. */
  static final int TOP_OPS = 6;
  /** Batches per epoch of synthetic data. */
  static final int BATCHES = 16;
  /** Tokens of the transformer block's vocabulary. */
  static final int VOCABULARY = 1000;
  /** Tokens per sequence of the transformer block. */
  static final int SEQUENCE = 64;
  /** The transformer block's model width, d_model. */
  static final int MODEL_DIM = 128;
  /** The transformer block's attention heads. */
  static final int HEADS = 4;
  /** The transformer block's feed-forward width. */
  static final int FEED_FORWARD = 512;

  /**
   * One model of the benchmark.
   *
   * @param id the name given to {@code --models} and to {@code torch_training.py}
   * @param label how the table names it
   * @param batch examples (sequences for the transformer) per step
   */
  public record Workload(String id, String label, int batch) {}

  /** The models, by id, in the order the table prints them. */
  public static final Map<String, Workload> WORKLOADS = workloads(
      new Workload("mlp", "MLP 784-256-10", 128),
      new Workload("cnn", "CNN conv32-conv64-fc128, 1x28x28", 128),
      new Workload("transformer", "Transformer block d128 h4 T64 ff512 V1000", 32));

  /**
   * One measured side of one model.
   *
   * @param parameters the model's trainable weights, the same on both sides
   * @param cpuMillisPerStep CPU time of the thread that ran the timed steps, per step
   * @param profiledSteps Lathe: steps after the timed ones in which each op was timed (0: none,
   *     always 0 for PyTorch)
   * @param opMillisPerStep CPU time of SameDiff's ops alone per profiled step ({@link OpTimes});
   *     NaN without profiled steps
   * @param topOps Lathe: the ops of the most time in the profiled steps, milliseconds per step
   */
  public record Row(String model, String side, int threads, int batch, long parameters, int steps,
      List<Double> rates, double cpuMillisPerStep, int profiledSteps, double opMillisPerStep,
      Map<String, Double> topOps) {
    /** The median of the repeats, in steps per second. */
    public double median() {
      List<Double> sorted = rates.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
  }

  private final int warmup;
  private final int steps;
  private final int repeats;
  private final int profileSteps;
  private final Path benchmarksDir;
  private final Path python;

  /**
   * A benchmark.
   *
   * @param warmup untimed steps before measuring, on each side
   * @param steps timed steps per repeat
   * @param profileSteps Lathe's steps after the timed ones in which each op is timed (0: none)
   * @param benchmarksDir the folder holding {@code torch_training.py}
   * @param python the interpreter with PyTorch (Debian's {@code /usr/bin/python3})
   */
  public TrainingThroughput(int warmup, int steps, int repeats, int profileSteps,
      Path benchmarksDir, Path python) {
    this.warmup = warmup;
    this.steps = steps;
    this.repeats = repeats;
    this.profileSteps = profileSteps;
    this.benchmarksDir = benchmarksDir;
    this.python = python;
  }

  /** The threads ND4J runs on in this JVM (from {@code OMP_NUM_THREADS} at its start). */
  public static int threads() {
    return Integer.parseInt(Nd4jRuntime.platformInfo().get("tensor_backend.threads"));
  }

  /**
   * The transformer block: token embedding, then pre-norm residual sub-layers (layer norm,
   * multi-head self-attention, residual add; layer norm, linear, GELU, linear, residual add),
   * then a linear head to the vocabulary at every position. No positional encoding and no mask
   * (neither changes the work of a step); d_model {@value #MODEL_DIM}, {@value #HEADS} heads,
   * feed-forward {@value #FEED_FORWARD}, vocabulary {@value #VOCABULARY}, {@value #SEQUENCE}
   * tokens: 455,272 parameters.
   */
  public static Network transformerBlock() {
    return Network.builder("transformer-block").input("tokens", Shape.of(SEQUENCE))
        .add("embed", new Embedding(VOCABULARY, MODEL_DIM))
        .add("ln1", Normalization.layer(MODEL_DIM))
        .add("attn", MultiHeadAttention.self(MODEL_DIM, HEADS))
        .add("attn.add", Elementwise.ADD, "attn", "embed")
        .add("ln2", Normalization.layer(MODEL_DIM))
        .add("ffn.fc1", Linear.of(MODEL_DIM, FEED_FORWARD))
        .add("ffn.gelu", Activation.GELU)
        .add("ffn.fc2", Linear.of(FEED_FORWARD, MODEL_DIM))
        .add("ffn.add", Elementwise.ADD, "ffn.fc2", "attn.add")
        .add("head", Linear.of(MODEL_DIM, VOCABULARY))
        .build();
  }

  /**
   * The transformer block as a language model to train: the bridge's graph of
   * {@link #transformerBlock()} plus a placeholder {@code labels} of next-token ids as floats
   * {@code [N, T]} and the loss {@code loss}, the softmax cross-entropy of the head's logits
   * averaged over all N·T positions (PyTorch's {@code CrossEntropyLoss} on integer targets).
   */
  public static TrainableModel transformerModel(long seed) {
    SameDiffNetwork network = SameDiffNetwork.build(transformerBlock(), seed);
    SameDiff graph = network.graph();
    SDVariable labels = graph.placeHolder("labels", DataType.FLOAT, -1, SEQUENCE);
    String head = network.trainingVariable("head");
    SDVariable logits = graph.getVariable(head).reshape(-1, VOCABULARY);
    SDVariable perToken = graph.loss().sparseSoftmaxCrossEntropy(logits,
        labels.reshape(-1).castTo(DataType.INT32));
    perToken.mean("loss");
    graph.setLossVariables("loss");
    return new TrainableModel(graph, "tokens", "labels", head, "loss");
  }

  /** Measures each of {@code models} (ids of {@link #WORKLOADS}): PyTorch, then Lathe. */
  public List<Row> measure(List<String> models) throws IOException, InterruptedException {
    int threads = threads();
    List<Row> rows = new ArrayList<>();
    for (String model : models) {
      Workload workload = workload(model);
      rows.add(torch(workload, threads));
      rows.add(lathe(workload, threads));
    }
    return rows;
  }

  private static Workload workload(String id) {
    Workload workload = WORKLOADS.get(id);
    if (workload == null) {
      throw new IllegalArgumentException("unknown model '" + id + "' (" + String.join(", ",
          WORKLOADS.keySet()) + ")");
    }
    return workload;
  }

  private Row lathe(Workload workload, int threads) {
    TrainableModel model = switch (workload.id()) {
      case "mlp" -> Models.mlp(784, List.of(256), 10, 1);
      case "cnn" -> Models.smallCnn(1, 28, 28, 10, 1);
      default -> transformerModel(1);
    };
    Trainer trainer = new Trainer(model, TrainingConfig.of(Updater.adam(),
        new LearningRateSchedule.Constant(1e-3), workload.batch(), 1));
    Dataset data = switch (workload.id()) {
      case "mlp" -> syntheticImages(workload.batch(), new long[] {784});
      case "cnn" -> syntheticImages(workload.batch(), new long[] {1, 28, 28});
      default -> syntheticTokens(workload.batch());
    };
    for (int i = 0; i < warmup; i++) {
      trainer.step(data);
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<Double> rates = new ArrayList<>();
    long cpuStart = cpu.getCurrentThreadCpuTime();
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        trainer.step(data);
      }
      rates.add(steps / ((System.nanoTime() - start) / 1e9));
    }
    double cpuMillis = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6 / (repeats * steps);
    double opMillis = Double.NaN;
    Map<String, Double> topOps = Map.of();
    if (profileSteps > 0) {
      OpTimes times = new OpTimes();
      model.graph().addListeners(times);
      for (int i = 0; i < profileSteps; i++) {
        trainer.step(data);
      }
      model.graph().getListeners().remove(times);
      opMillis = times.totalNanos() / 1e6 / profileSteps;
      topOps = times.top(TOP_OPS, profileSteps);
    }
    String build = withOneDnn() ? ", oneDNN" : "";
    return new Row(workload.id(), "Lathe (ND4J "
        + Nd4jRuntime.platformInfo().get("tensor_backend.version") + build + ")", threads,
        workload.batch(), model.parameterCount(), steps, rates, cpuMillis, profileSteps, opMillis,
        topOps);
  }

  /**
   * Whether the loaded build of libnd4j has oneDNN (the {@code linux-x86_64-onednn-*} classifiers
   * of nd4j-native; the default {@code linux-x86_64} has not).
   */
  static boolean withOneDnn() {
    return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
  }

  /** Standard normal features of {@code shape} per example, uniform labels over 10 classes. */
  private static Dataset syntheticImages(int batch, long[] shape) {
    int n = batch * BATCHES;
    long[] full = new long[shape.length + 1];
    full[0] = n;
    System.arraycopy(shape, 0, full, 1, shape.length);
    Nd4j.getRandom().setSeed(1);
    INDArray features = Nd4j.randn(DataType.FLOAT, full);
    Random random = new Random(1);
    int[] classes = new int[n];
    Arrays.setAll(classes, i -> random.nextInt(10));
    return Dataset.ofClasses(features, classes, 10);
  }

  /** Sequences of uniform random token ids and, as labels, uniform random next-token ids. */
  private static Dataset syntheticTokens(int batch) {
    int n = batch * BATCHES;
    Random random = new Random(1);
    float[][] tokens = new float[n][SEQUENCE];
    float[][] next = new float[n][SEQUENCE];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < SEQUENCE; t++) {
        tokens[i][t] = random.nextInt(VOCABULARY);
        next[i][t] = random.nextInt(VOCABULARY);
      }
    }
    return new Dataset(Nd4j.create(tokens), Nd4j.create(next));
  }

  private Row torch(Workload workload, int threads) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(python.toString(),
        benchmarksDir.resolve("torch_training.py").toString(), "--model", workload.id(),
        "--threads", Integer.toString(threads), "--batch", Integer.toString(workload.batch()),
        "--batches", Integer.toString(BATCHES), "--warmup", Integer.toString(warmup),
        "--steps", Integer.toString(steps), "--repeats", Integer.toString(repeats))
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
    Process p = builder.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
      throw new IOException("torch_training.py failed (exit " + p.exitValue() + ")");
    }
    JsonNode n = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    List<Double> rates = new ArrayList<>();
    n.get("rates").forEach(v -> rates.add(v.asDouble()));
    return new Row(workload.id(), "PyTorch " + n.get("torch").asText(), threads,
        workload.batch(), n.get("parameters").asLong(), steps, rates,
        n.get("cpu_ms_per_step").asDouble(), 0, Double.NaN, Map.of());
  }

  /** The ratio of a Lathe row's median to PyTorch's for the same model (above 1: faster). */
  public static double ratio(List<Row> rows, Row row) {
    return row.median() / peer(rows, row).median();
  }

  /** Prints the table: every row's median and its ratio to PyTorch for the same model. */
  public static void print(List<Row> rows, PrintStream out) {
    out.printf(Locale.ROOT, "Training steps per second: Adam, synthetic data, %d thread(s),"
        + " median of %d repeats of %d steps, one run on this machine (%d processors, %s at its"
        + " end)%n", rows.get(0).threads(), rows.get(0).rates().size(), rows.get(0).steps(),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    out.printf(Locale.ROOT, "%-42s %5s %-33s %10s %11s%n", "model", "batch", "side", "steps/s",
        "vs PyTorch");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "%-42s %5d %-33s %10.1f %10.2fx%n", workload(r.model()).label(),
          r.batch(), r.side(), r.median(), ratio(rows, r));
    }
    List<Row> profiled = rows.stream().filter(r -> r.profiledSteps() > 0).toList();
    if (profiled.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "Where a step's time goes: CPU ms per step of the thread that trains"
        + " (timed steps); Lathe's ops: SameDiff's op executions alone, in %d profiled steps%n",
        profiled.get(0).profiledSteps());
    out.printf(Locale.ROOT, "%-42s %12s %10s %10s %13s %14s%n", "model", "PyTorch step",
        "Lathe step", "Lathe ops", "outside ops", "ops / PyTorch");
    for (Row r : profiled) {
      Row peer = peer(rows, r);
      out.printf(Locale.ROOT, "%-42s %12.2f %10.2f %10.2f %13.2f %13.2fx%n",
          workload(r.model()).label(), peer.cpuMillisPerStep(), r.cpuMillisPerStep(),
          r.opMillisPerStep(), r.cpuMillisPerStep() - r.opMillisPerStep(),
          r.opMillisPerStep() / peer.cpuMillisPerStep());
      StringBuilder top = new StringBuilder();
      r.topOps().forEach((op, ms) -> top.append(String.format(Locale.ROOT, "%s%s %.2f",
          top.length() == 0 ? "" : ", ", op, ms)));
      out.printf(Locale.ROOT, "  %s: most time in %s (ms per step)%n", r.model(), top);
    }
  }

  private static Row peer(List<Row> rows, Row row) {
    return rows.stream().filter(r -> r.model().equals(row.model())
        && r.side().startsWith("PyTorch")).findFirst().orElseThrow();
  }

  private static String loadAverage() {
    try {
      return AnalyticPeak.loadAverage();
    } catch (IOException e) {
      throw new UncheckedIOException("/proc/loadavg: " + e.getMessage(), e);
    }
  }

  private static Map<String, Workload> workloads(Workload... workloads) {
    Map<String, Workload> byId = new LinkedHashMap<>();
    for (Workload w : workloads) {
      byId.put(w.id(), w);
    }
    return Collections.unmodifiableMap(byId);
  }

  /**
   * {@code [--models mlp,cnn,transformer] [--warmup W] [--steps S] [--repeats R]
   * [--profile-steps P] [--json F]}.
   */
  public static void main(String[] args) throws Exception {
    List<String> models = List.copyOf(WORKLOADS.keySet());
    int warmup = 20;
    int steps = 100;
    int repeats = 3;
    int profileSteps = 3;
    Path json = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--models" -> models = List.of(args[i + 1].split(","));
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--steps" -> steps = Integer.parseInt(args[i + 1]);
        case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
        case "--profile-steps" -> profileSteps = Integer.parseInt(args[i + 1]);
        case "--json" -> json = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (use --models mlp,cnn,transformer, --warmup W, --steps S, --repeats R,"
            + " --profile-steps P, --json FILE)");
      }
    }
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir", "benchmarks"));
    List<Row> rows = new TrainingThroughput(warmup, steps, repeats, profileSteps, dir,
        Path.of("/usr/bin/python3")).measure(models);
    print(rows, System.out);
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), rows);
    }
  }
}
