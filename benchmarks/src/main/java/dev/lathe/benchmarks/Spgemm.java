package dev.lathe.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lathe.api.graph.io.MatrixMarket;
import dev.lathe.api.sparse.SparseMatrix;
import dev.lathe.plugin.sparch.matrices.MatrixGenerators;
import dev.lathe.plugin.sparch.matrices.SuiteMatrices;
import dev.lathe.plugin.sparch.sim.OuterSpaceSimulator;
import dev.lathe.plugin.sparch.sim.Simulation;
import dev.lathe.plugin.sparch.sim.SparchConfig;
import dev.lathe.plugin.sparch.sim.SparchSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sparse matrix products beside SciPy, and the SpArch simulator's throughput. The functional
 * SpGEMM that the SpArch plugin checks its simulated datapath against ({@link
 * SparseMatrix#multiply}, Gustavson's algorithm) and SciPy's {@code A @ A} (Debian's
 * python3-scipy, run as {@code /usr/bin/python3 benchmarks/scipy_spgemm.py}) square the same
 * Matrix Market files; both must find the same number of entries. Lathe's times are the median
 * of the repeats after {@value #WARM_UP} untimed rounds of every product (the JIT's warm-up);
 * SciPy's the median of its repeats. Then the
 * SpArch simulator (every technique on, the paper's hardware) and the OuterSPACE model simulate
 * {@code A × A} of the throughput matrix, and their partial products per second are printed.
 *
 * <p>Run: {@code benchmarks/run-spgemm.sh [--data DIR] [--repeats R] [--json FILE]}.
 */
public final class Spgemm {

  /**
   * One matrix squared on both sides.
   *
   * @param name the matrix
   * @param rows its rows (= columns)
   * @param nnz its stored entries
   * @param productNnz the product's stored entries, the same on both sides
   * @param latheSeconds Lathe's timed products (rows sorted)
   * @param scipySeconds SciPy's {@code A @ A} (rows unsorted)
   * @param scipySortedSeconds SciPy's {@code A @ A} then {@code sort_indices()}
   */
  public record ProductResult(String name, int rows, int nnz, long productNnz,
      List<Double> latheSeconds, List<Double> scipySeconds, List<Double> scipySortedSeconds) {}

  /**
   * The simulators' speed on one product.
   *
   * @param name the matrix
   * @param partialProducts the multiplications each simulation models
   * @param sparchSeconds the SpArch simulator's timed runs
   * @param outerSpaceSeconds the OuterSPACE model's timed runs
   * @param sparchDramBytes SpArch's simulated DRAM traffic
   * @param outerSpaceDramBytes OuterSPACE's simulated DRAM traffic
   */
  public record ThroughputResult(String name, long partialProducts, List<Double> sparchSeconds,
      List<Double> outerSpaceSeconds, long sparchDramBytes, long outerSpaceDramBytes) {}

  /** Untimed products of every matrix before any is timed, so that the JIT has compiled. */
  static final int WARM_UP = 3;

  private final int repeats;
  private final Path benchmarksDir;
  private final Path python;
  private final ObjectMapper json = new ObjectMapper();
  private String scipyVersion = "";

  /**
   * A benchmark that times each side {@code repeats} times.
   *
   * @param benchmarksDir the folder of {@code scipy_spgemm.py}
   * @param python the interpreter with SciPy (Debian's {@code /usr/bin/python3})
   */
  public Spgemm(int repeats, Path benchmarksDir, Path python) {
    this.repeats = repeats;
    this.benchmarksDir = benchmarksDir;
    this.python = python;
  }

  /** SciPy's version, once {@link #products} has run. */
  public String scipyVersion() {
    return scipyVersion;
  }

  /**
   * The matrices of a run: the SpArch plugin's shipped SuiteSparse matrices, R-MAT graphs of
   * 2^13 and 2^15 vertices (seed 1), and {@code NotreDame_www} if it is in {@code data}.
   */
  public static Map<String, SparseMatrix> matrices(Path data) throws IOException {
    Map<String, SparseMatrix> matrices = new LinkedHashMap<>();
    for (String name : SuiteMatrices.SHIPPED) {
      matrices.put(name, SuiteMatrices.shipped(name));
    }
    matrices.put("rmat-13", MatrixGenerators.rmat(13, 8, 1));
    matrices.put("rmat-15", MatrixGenerators.rmat(15, 8, 1));
    SuiteMatrices.inFolder(data, SuiteMatrices.NOTRE_DAME)
        .ifPresent(m -> matrices.put(SuiteMatrices.NOTRE_DAME, m));
    return matrices;
  }

  /**
   * Squares every matrix on both sides; matrices that are not files yet are written to
   * {@code folder} as Matrix Market files first, so that SciPy reads exactly them.
   *
   * @throws IllegalStateException if the sides' products differ in entries
   */
  public List<ProductResult> products(Map<String, SparseMatrix> matrices, Path folder)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(Integer.toString(repeats)));
    for (Map.Entry<String, SparseMatrix> m : matrices.entrySet()) {
      Path file = folder.resolve(m.getKey() + ".mtx");
      if (!Files.isRegularFile(file)) {
        MatrixMarket.write(m.getValue(), file);
      }
      args.add(file.toString());
    }
    JsonNode scipy = python("scipy_spgemm.py", args.toArray(String[]::new));
    scipyVersion = scipy.get("scipy").asText();
    for (int w = 0; w < WARM_UP; w++) {
      for (SparseMatrix a : matrices.values()) {
        a.multiply(a);
      }
    }
    List<ProductResult> results = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, SparseMatrix> m : matrices.entrySet()) {
      SparseMatrix a = m.getValue();
      List<Double> lathe = new ArrayList<>();
      SparseMatrix product = null;
      for (int r = 0; r < repeats; r++) {
        long start = System.nanoTime();
        product = a.multiply(a);
        lathe.add((System.nanoTime() - start) / 1e9);
      }
      JsonNode s = scipy.get("matrices").get(i++);
      if (s.get("product_nnz").asLong() != product.nnz()) {
        throw new IllegalStateException(m.getKey() + ": SciPy's product has "
            + s.get("product_nnz").asLong() + " entries, Lathe's " + product.nnz());
      }
      results.add(new ProductResult(m.getKey(), a.rows(), a.nnz(), product.nnz(), lathe,
          doubles(s.get("product_seconds")), doubles(s.get("product_sorted_seconds"))));
    }
    return results;
  }

  /** Simulates {@code a × a} on SpArch and on OuterSPACE, each once untimed, then timed. */
  public ThroughputResult throughput(String name, SparseMatrix a) {
    SparchSimulator sparch = new SparchSimulator(SparchConfig.DEFAULT);
    OuterSpaceSimulator outerSpace = new OuterSpaceSimulator(SparchConfig.DEFAULT);
    Simulation s = sparch.simulate(a, a);
    Simulation o = outerSpace.simulate(a, a);
    return new ThroughputResult(name, s.partialProducts(), time(() -> sparch.simulate(a, a)),
        time(() -> outerSpace.simulate(a, a)), s.traffic().total(), o.traffic().total());
  }

  private List<Double> time(Supplier<Simulation> run) {
    List<Double> seconds = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      run.get();
      seconds.add((System.nanoTime() - start) / 1e9);
    }
    return seconds;
  }

  private static List<Double> doubles(JsonNode array) {
    List<Double> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asDouble()));
    return values;
  }

  private JsonNode python(String script, String... args) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>(List.of(python.toString(),
        benchmarksDir.resolve(script).toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("lathe-spgemm", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: "
            + Files.readString(err).strip());
      }
      return json.readTree(out);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** Prints both comparisons as tables. */
  public static void print(String scipyVersion, List<ProductResult> products,
      ThroughputResult throughput, PrintStream out) {
    out.printf(Locale.ROOT, "A x A beside SciPy %s (median ms of the repeats)%n", scipyVersion);
    out.printf(Locale.ROOT, "%-14s %9s %10s %11s %10s %10s %10s %8s %9s%n", "matrix", "rows",
        "nnz", "nnz(AxA)", "Lathe", "SciPy", "SciPy+sort", "ratio", "unsorted");
    List<Double> ratios = new ArrayList<>();
    for (ProductResult p : products) {
      double lathe = GraphReaders.median(p.latheSeconds()) * 1e3;
      double scipy = GraphReaders.median(p.scipySeconds()) * 1e3;
      double sorted = GraphReaders.median(p.scipySortedSeconds()) * 1e3;
      ratios.add(lathe / sorted);
      out.printf(Locale.ROOT, "%-14s %,9d %,10d %,11d %10.2f %10.2f %10.2f %7.2fx %8.2fx%n",
          p.name(), p.rows(), p.nnz(), p.productNnz(), lathe, scipy, sorted, lathe / sorted,
          lathe / scipy);
    }
    double logs = 0;
    for (double r : ratios) {
      logs += Math.log(r);
    }
    out.printf(Locale.ROOT, "time Lathe / SciPy (rows sorted on both sides): geometric mean"
        + " %.2fx over %d matrices; 'unsorted' against SciPy's unsorted product%n",
        Math.exp(logs / ratios.size()), ratios.size());
    double sparch = GraphReaders.median(throughput.sparchSeconds());
    double outer = GraphReaders.median(throughput.outerSpaceSeconds());
    out.printf(Locale.ROOT, "simulator throughput on %s A x A: %,d partial products%n",
        throughput.name(), throughput.partialProducts());
    out.printf(Locale.ROOT, "  SpArch (all techniques)  %8.3f s  %,14.0f partial products/s"
        + "  %,d DRAM bytes%n", sparch, throughput.partialProducts() / sparch,
        throughput.sparchDramBytes());
    out.printf(Locale.ROOT, "  OuterSPACE               %8.3f s  %,14.0f partial products/s"
        + "  %,d DRAM bytes%n", outer, throughput.partialProducts() / outer,
        throughput.outerSpaceDramBytes());
  }

  /** Runs the benchmark; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>(Map.of("--repeats", "5"));
    String usage = "--data DIR --work DIR [--repeats R] [--json FILE]";
    for (int i = 0; i < args.length; i += 2) {
      if (!usage.contains(args[i] + " ") || i + 1 == args.length) {
        throw new IllegalArgumentException("unknown or incomplete option " + args[i]
            + "; usage: " + usage);
      }
      options.put(args[i], args[i + 1]);
    }
    for (String required : List.of("--data", "--work")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("missing " + required + "; usage: " + usage);
      }
    }
    Path data = Path.of(options.get("--data"));
    Path work = Files.createDirectories(Path.of(options.get("--work")));
    Spgemm benchmark = new Spgemm(Integer.parseInt(options.get("--repeats")),
        Path.of(System.getProperty("lathe.benchmarks.dir", "benchmarks")),
        Path.of("/usr/bin/python3"));
    Map<String, SparseMatrix> matrices = matrices(data);
    if (!matrices.containsKey(SuiteMatrices.NOTRE_DAME)) {
      throw new IllegalArgumentException(SuiteMatrices.NOTRE_DAME + ".mtx is not in " + data
          + "; run benchmarks/fetch-graph-data.sh " + data);
    }
    // SciPy reads the data folder's file itself; the other matrices are written to --work
    Files.deleteIfExists(work.resolve(SuiteMatrices.NOTRE_DAME + ".mtx"));
    Files.createSymbolicLink(work.resolve(SuiteMatrices.NOTRE_DAME + ".mtx"),
        data.resolve(SuiteMatrices.NOTRE_DAME + ".mtx").toAbsolutePath());
    List<ProductResult> products = benchmark.products(matrices, work);
    ThroughputResult throughput = benchmark.throughput(SuiteMatrices.NOTRE_DAME,
        matrices.get(SuiteMatrices.NOTRE_DAME));
    print(benchmark.scipyVersion(), products, throughput, System.out);
    if (options.containsKey("--json")) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(Path.of(options.get("--json")).toFile(), Map.of("scipy",
              benchmark.scipyVersion(), "products", products, "throughput", throughput));
    }
  }
}
