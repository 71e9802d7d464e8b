package dev.lathe.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lathe.nd4j.Nd4jRuntime;
import dev.lathe.nd4j.train.Dataset;
import dev.lathe.nd4j.train.LearningRateSchedule;
import dev.lathe.nd4j.train.Models;
import dev.lathe.nd4j.train.TrainableModel;
import dev.lathe.nd4j.train.Trainer;
import dev.lathe.nd4j.train.TrainingConfig;
import dev.lathe.nd4j.train.Updater;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training steps per second of Lathe's training loop (ND4J SameDiff) beside PyTorch's, like with
 * like, in the same run on the same machine with the same number of threads: an MLP 784-256-10
 * and a small CNN (conv 3×3 → 32, conv 3×3 → 64, max-pool, dense 128, dense 10) on batches of 128
 * synthetic examples with Fashion-MNIST's shapes, softmax cross-entropy, Adam (lr 1e-3), batches
 * drawn in a fresh random order every epoch. PyTorch 1.13 is Debian's {@code python3-torch}, run
 * by {@code /usr/bin/python3 benchmarks/torch_training.py}. Both sides make untimed warm-up steps
 * first; the rate is the median over repeats of timed steps.
 *
 * <p>ND4J fixes its thread count when it starts, from {@code OMP_NUM_THREADS}: the run script
 * sets it, this class reads it back from the backend and starts PyTorch with the same.
 *
 * <p>Run: {@code benchmarks/run-training-throughput.sh [--threads N] [--models mlp,cnn]
 * [--warmup W] [--steps S] [--repeats R] [--json FILE]}.
 */
public final class TrainingThroughput {

  static {
    // ND4J is on the class path: this module reads the unnamed module (docs/training.md).
    TrainingThroughput.class.getModule()
        .addReads(TrainingThroughput.class.getClassLoader().getUnnamedModule());
  }

  /** Examples per batch, as in the benchmark. */
  static final int BATCH = 128;
  /** Batches per epoch of synthetic data. */
  static final int BATCHES = 16;

  /** One measured side of one model. */
  public record Row(String model, String side, int threads, int steps, List<Double> rates) {
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
  private final Path benchmarksDir;
  private final Path python;

  /**
   * A benchmark.
   *
   * @param warmup untimed steps before measuring, on each side
   * @param steps timed steps per repeat
   * @param benchmarksDir the folder holding {@code torch_training.py}
   * @param python the interpreter with PyTorch (Debian's {@code /usr/bin/python3})
   */
  public TrainingThroughput(int warmup, int steps, int repeats, Path benchmarksDir, Path python) {
    this.warmup = warmup;
    this.steps = steps;
    this.repeats = repeats;
    this.benchmarksDir = benchmarksDir;
    this.python = python;
  }

  /** The threads ND4J runs on in this JVM (from {@code OMP_NUM_THREADS} at its start). */
  public static int threads() {
    return Integer.parseInt(Nd4jRuntime.platformInfo().get("tensor_backend.threads"));
  }

  /** Measures each of {@code models} ({@code mlp}, {@code cnn}): PyTorch, then Lathe. */
  public List<Row> measure(List<String> models) throws IOException, InterruptedException {
    int threads = threads();
    List<Row> rows = new ArrayList<>();
    for (String model : models) {
      rows.add(torch(model, threads));
      rows.add(lathe(model, threads));
    }
    return rows;
  }

  private Row lathe(String name, int threads) {
    TrainableModel model = switch (name) {
      case "mlp" -> Models.mlp(784, List.of(256), 10, 1);
      case "cnn" -> Models.smallCnn(1, 28, 28, 10, 1);
      default -> throw new IllegalArgumentException("unknown model '" + name + "' (mlp, cnn)");
    };
    Trainer trainer = new Trainer(model, TrainingConfig.of(Updater.adam(),
        new LearningRateSchedule.Constant(1e-3), BATCH, 1));
    Dataset data = syntheticData(name.equals("mlp") ? new long[] {784} : new long[] {1, 28, 28});
    for (int i = 0; i < warmup; i++) {
      trainer.step(data);
    }
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        trainer.step(data);
      }
      rates.add(steps / ((System.nanoTime() - start) / 1e9));
    }
    return new Row(name, "Lathe (ND4J " + Nd4jRuntime.platformInfo().get("tensor_backend.version")
        + ")", threads, steps, rates);
  }

  /** Standard normal features of {@code shape} per example, uniform labels over 10 classes. */
  private static Dataset syntheticData(long[] shape) {
    int n = BATCH * BATCHES;
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

  private Row torch(String model, int threads) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(python.toString(),
        benchmarksDir.resolve("torch_training.py").toString(), "--model", model,
        "--threads", Integer.toString(threads), "--batch", Integer.toString(BATCH),
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
    return new Row(model, "PyTorch " + n.get("torch").asText(), threads, steps, rates);
  }

  /** The ratio of a Lathe row's median to PyTorch's for the same model (above 1: faster). */
  public static double ratio(List<Row> rows, Row row) {
    Row peer = rows.stream().filter(r -> r.model().equals(row.model())
        && r.side().startsWith("PyTorch")).findFirst().orElseThrow();
    return row.median() / peer.median();
  }

  /** Prints the table: every row's median and its ratio to PyTorch for the same model. */
  public static void print(List<Row> rows, PrintStream out) {
    Map<String, String> shapes = Map.of("mlp", "MLP 784-256-10",
        "cnn", "CNN conv32-conv64-fc128, 1x28x28");
    out.printf(Locale.ROOT, "Training steps per second: batch %d, Adam, synthetic Fashion-MNIST"
        + " shapes, %d thread(s), median of %d repeats of %d steps, one run on this machine"
        + " (%d processors)%n", BATCH, rows.get(0).threads(), rows.get(0).rates().size(),
        rows.get(0).steps(), Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "%-34s %-22s %10s %11s%n", "model", "side", "steps/s", "vs PyTorch");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "%-34s %-22s %10.1f %10.2fx%n", shapes.get(r.model()), r.side(),
          r.median(), ratio(rows, r));
    }
  }

  /** {@code [--models mlp,cnn] [--warmup W] [--steps S] [--repeats R] [--json FILE]}. */
  public static void main(String[] args) throws Exception {
    List<String> models = List.of("mlp", "cnn");
    int warmup = 20;
    int steps = 100;
    int repeats = 3;
    Path json = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--models" -> models = List.of(args[i + 1].split(","));
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--steps" -> steps = Integer.parseInt(args[i + 1]);
        case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
        case "--json" -> json = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (use --models mlp,cnn, --warmup W, --steps S, --repeats R, --json FILE)");
      }
    }
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir", "benchmarks"));
    List<Row> rows = new TrainingThroughput(warmup, steps, repeats, dir,
        Path.of("/usr/bin/python3")).measure(models);
    print(rows, System.out);
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), rows);
    }
  }
}
