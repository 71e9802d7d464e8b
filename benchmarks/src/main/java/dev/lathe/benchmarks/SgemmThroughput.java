package dev.lathe.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lathe.nd4j.Nd4jRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Single-precision matrix products (sgemm) through ND4J beside NumPy's and PyTorch's in the same
 * run, and beside the machine's analytic peak ({@link AnalyticPeak}). For each size n and thread
 * count: C = A · B on {@code FLOAT} n × n matrices, 2n³ FLOPs per product, a few untimed products,
 * then the median over repeats of timed products, in GFLOP/s. ND4J is measured twice: through
 * {@code Nd4j.gemm} into a preallocated result (the BLAS call) and through {@code INDArray.mmul}
 * (the everyday call, which allocates its result). NumPy and PyTorch are Debian's
 * {@code python3-numpy} and {@code python3-torch}, run by {@code /usr/bin/python3
 * benchmarks/numpy_sgemm.py} with the same thread count ({@code OPENBLAS_NUM_THREADS},
 * {@code OMP_NUM_THREADS}, {@code torch.set_num_threads}); ND4J's OpenBLAS is set to the thread
 * count through {@code Nd4j.factory().blas().setMaxThreads}.
 *
 * <p>Run: {@code benchmarks/run-sgemm.sh [--sizes 256,512,1024,2048] [--threads 1,N]
 * [--repeats R] [--json FILE]}.
 */
public final class SgemmThroughput {

  static {
    // ND4J is on the class path: this module reads the unnamed module (docs/training.md).
    SgemmThroughput.class.getModule()
        .addReads(SgemmThroughput.class.getClassLoader().getUnnamedModule());
  }

  /** Work per timed repeat by default, in seconds at 100 GFLOP/s. */
  public static final double SECONDS_OF_WORK = 0.2;

  /**
   * One side at one size and thread count.
   *
   * @param n the matrices' order
   * @param side who multiplied, e.g. {@code ND4J 1.0.0-M2.1 Nd4j.gemm}
   * @param rates GFLOP/s of each repeat
   */
  public record Row(int n, int threads, String side, List<Double> rates) {
    /** The median of the repeats, in GFLOP/s. */
    public double median() {
      List<Double> sorted = rates.stream().sorted().toList();
      int k = sorted.size();
      return k % 2 == 1 ? sorted.get(k / 2) : (sorted.get(k / 2 - 1) + sorted.get(k / 2)) / 2;
    }
  }

  /**
   * The measurement: rows by size, then thread count, NumPy's first, and the machine's peak.
   *
   * @param measuredMhz the clock measured by {@link AnalyticPeak#measuredMhz()}
   */
  public record Result(AnalyticPeak peak, double measuredMhz, String load, List<Row> rows) {}

  private final List<Integer> sizes;
  private final List<Integer> threads;
  private final int repeats;
  private final double secondsOfWork;
  private final Path benchmarksDir;
  private final Path python;

  /**
   * A benchmark.
   *
   * @param sizes the orders n of the square matrices
   * @param threads the thread counts to measure each size with
   * @param repeats timed repeats per size and side
   * @param secondsOfWork the work of each timed repeat: as many products as take this long at
   *     100 GFLOP/s, at least 2 (the same rule on every side)
   * @param benchmarksDir the folder holding {@code numpy_sgemm.py}
   * @param python the interpreter with NumPy and PyTorch (Debian's {@code /usr/bin/python3})
   */
  public SgemmThroughput(List<Integer> sizes, List<Integer> threads, int repeats,
      double secondsOfWork, Path benchmarksDir, Path python) {
    this.sizes = List.copyOf(sizes);
    this.threads = List.copyOf(threads);
    this.repeats = repeats;
    this.secondsOfWork = secondsOfWork;
    this.benchmarksDir = benchmarksDir;
    this.python = python;
  }

  /**
   * Reads the machine's peak, measures its clock, then each size at each thread count: NumPy and
   * PyTorch (one Python process per size and count), then ND4J right after, so that both sides
   * of a ratio see the same load.
   */
  public Result measure() throws IOException, InterruptedException {
    AnalyticPeak peak = AnalyticPeak.ofThisMachine();
    double mhz = AnalyticPeak.measuredMhz();
    String version = "ND4J " + Nd4jRuntime.platformInfo().get("tensor_backend.version");
    List<Row> rows = new ArrayList<>();
    for (int n : sizes) {
      for (int t : threads) {
        rows.addAll(python(n, t));
        Nd4j.factory().blas().setMaxThreads(t);
        INDArray a = Nd4j.randn(DataType.FLOAT, n, n);
        INDArray b = Nd4j.randn(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {n, n}, 'f');
        rows.add(new Row(n, t, version + " Nd4j.gemm",
            rates(n, i -> Nd4j.gemm(a, b, c, false, false, 1.0, 0.0))));
        rows.add(new Row(n, t, version + " INDArray.mmul", rates(n, i -> a.mmul(b))));
      }
    }
    return new Result(peak, mhz, AnalyticPeak.loadAverage(), rows);
  }

  private List<Double> rates(int n, IntFunction<INDArray> product) {
    double flops = 2.0 * n * n * n;
    int products = (int) Math.max(2, secondsOfWork * 100e9 / flops);
    for (int i = 0; i < 2; i++) {
      product.apply(i);
    }
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < products; i++) {
        product.apply(i);
      }
      rates.add(products * flops / (System.nanoTime() - start));
    }
    return rates;
  }

  private List<Row> python(int n, int threadCount) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(python.toString(),
        benchmarksDir.resolve("numpy_sgemm.py").toString(), "--sizes", Integer.toString(n),
        "--threads",
        Integer.toString(threadCount), "--repeats", Integer.toString(repeats), "--seconds",
        Double.toString(secondsOfWork))
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("OMP_NUM_THREADS", Integer.toString(threadCount));
    builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threadCount));
    Process p = builder.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
      throw new IOException("numpy_sgemm.py failed (exit " + p.exitValue() + ")");
    }
    JsonNode json = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    String blas = json.get("blas").asText();
    Map<String, String> sides = Map.of(
        "numpy", "NumPy " + json.get("numpy").asText() + " (" + blasName(blas) + ")",
        "torch", "PyTorch " + json.get("torch").asText() + " torch.mm");
    List<Row> rows = new ArrayList<>();
    for (JsonNode row : json.get("rows")) {
      List<Double> rates = new ArrayList<>();
      row.get("rates").forEach(v -> rates.add(v.asDouble()));
      rows.add(new Row(row.get("n").asInt(), threadCount, sides.get(row.get("side").asText()),
          rates));
    }
    return rows;
  }

  /** {@code libopenblasp-r0.3.21.so} as {@code OpenBLAS 0.3.21}; other libraries by file name. */
  static String blasName(String library) {
    String file = Path.of(library).getFileName().toString();
    Matcher m = Pattern.compile("libopenblas\\w*-r([0-9.]+)\\.so").matcher(file);
    return m.matches() ? "OpenBLAS " + m.group(1) : file;
  }

  /** The ratio of a row's median to NumPy's at the same size and thread count. */
  public static double ratio(List<Row> rows, Row row) {
    Row numpy = rows.stream().filter(r -> r.n() == row.n() && r.threads() == row.threads()
        && r.side().startsWith("NumPy")).findFirst().orElseThrow();
    return row.median() / numpy.median();
  }

  /** Prints how the peak was computed, then every row with its ratio to NumPy and the peak. */
  public static void print(Result result, PrintStream out) {
    AnalyticPeak peak = result.peak();
    out.printf(Locale.ROOT, "sgemm: C = A·B, FLOAT, n×n, 2n³ FLOPs per product, median of %d"
        + " repeats, one run on this machine, %s at its end%n",
        result.rows().get(0).rates().size(), result.load());
    out.printf(Locale.ROOT, "CPU: %s (%s, family %d, model %d), %d cores, vector flags %s%n",
        peak.model(), peak.vendor(), peak.family(), peak.modelNumber(), peak.cores(),
        String.join(" ", peak.flags()));
    out.printf(Locale.ROOT, "FLOPs per cycle: %s%n", peak.rule());
    String nominal = peak.maxMhz() > 0
        ? String.format(Locale.ROOT, "%.0f MHz nominal maximum (lscpu 'CPU max MHz')",
            peak.maxMhz())
        : String.format(Locale.ROOT, "%.0f MHz nominal (/proc/cpuinfo 'cpu MHz'; lscpu reports"
            + " no maximum)", peak.cpuinfoMhz());
    double nominalMhz = peak.maxMhz() > 0 ? peak.maxMhz() : peak.cpuinfoMhz();
    out.printf(Locale.ROOT, "clock: %s; %.0f MHz measured (fastest of %d runs of a dependent"
        + " shift-add chain, 2 cycles per step)%n", nominal, result.measuredMhz(),
        AnalyticPeak.CLOCK_RUNS);
    out.printf(Locale.ROOT, "analytic peak = cores used × FLOP/cycle × clock: per core %.1f"
        + " GFLOP/s nominal, %.1f measured%n", peak.gflops(1, nominalMhz),
        peak.gflops(1, result.measuredMhz()));
    out.printf(Locale.ROOT, "%5s %7s  %-40s %9s %9s %21s%n", "n", "threads", "side", "GFLOP/s",
        "vs NumPy", "of peak (nom./meas.)");
    for (Row r : result.rows()) {
      out.printf(Locale.ROOT, "%5d %7d  %-40s %9.1f %8.2fx %9.0f%% / %5.0f%%%n", r.n(),
          r.threads(), r.side(), r.median(), ratio(result.rows(), r),
          100 * r.median() / peak.gflops(r.threads(), nominalMhz),
          100 * r.median() / peak.gflops(r.threads(), result.measuredMhz()));
    }
  }

  /** {@code [--sizes 256,512,1024,2048] [--threads 1,N] [--repeats R] [--json FILE]}. */
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(256, 512, 1024, 2048);
    List<Integer> threads = List.of(1, Runtime.getRuntime().availableProcessors());
    int repeats = 5;
    Path json = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--sizes" -> sizes = integers(args[i + 1]);
        case "--threads" -> threads = integers(args[i + 1]);
        case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
        case "--json" -> json = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (use --sizes 256,512, --threads 1,2, --repeats R, --json FILE)");
      }
    }
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir", "benchmarks"));
    Result result = new SgemmThroughput(sizes, threads.stream().distinct().toList(), repeats,
        SECONDS_OF_WORK, dir, Path.of("/usr/bin/python3")).measure();
    print(result, System.out);
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(json.toFile(), result);
    }
  }

  private static List<Integer> integers(String list) {
    return Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
  }
}
