package dev.lathe.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.graph.io.MatrixMarket;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.sparse.MatrixGenerators;
import dev.lathe.api.sparse.SparseMatrix;
import dev.lathe.api.sparse.SparseProduct;
import dev.lathe.core.Lathe;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sparse matrix products beside SciPy, and the SpArch simulator's throughput. The functional
 * SpGEMM that the SpArch plugin checks its simulated datapath against ({@link
 * SparseMatrix#multiply}, Gustavson's algorithm) and SciPy's {@code A @ A} (Debian's
 * python3-scipy, run as {@code /usr/bin/python3 benchmarks/scipy_spgemm.py}) square the same
 * Matrix Market files; both must find the same number of entries. Lathe's times are the median
 * of the repeats after {@value #WARM_UP} untimed rounds of every product (the JIT's warm-up);
 * SciPy's the median of its repeats. Then the
 * SpArch plugin's accelerator {@code sparch}, created through the kernel's
 * {@link Lathe#accelerator} from the module path, estimates the {@link SparseProduct}
 * {@code A × A} of the throughput matrix with its defaults (SpArch, every technique on) and with
 * {@code design: outerspace}; the partial products it reports per second of {@code estimate} are
 * printed. The benchmark uses exported API only: the matrices come from Matrix Market files
 * (the plugin's shipped {@code .mtx.gz} files among them) and from framework-api's R-MAT generator ({@code MatrixGenerators}).
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
   * @param partialProducts the multiplications each simulation models, as the accelerator
   *     reports them (metric {@code partial_products})
   * @param sparchSeconds the SpArch simulator's timed runs
   * @param outerSpaceSeconds the OuterSPACE model's timed runs
   * @param sparchDramBytes SpArch's simulated DRAM traffic
   * @param outerSpaceDramBytes OuterSPACE's simulated DRAM traffic
   */
  public record ThroughputResult(String name, long partialProducts, List<Double> sparchSeconds,
      List<Double> outerSpaceSeconds, long sparchDramBytes, long outerSpaceDramBytes) {}

  /** Untimed products of every matrix before any is timed, so that the JIT has compiled. */
  static final int WARM_UP = 3;

  /**
   * The SuiteSparse matrices that the SpArch plugin ships as {@code <name>.mtx.gz} (in
   * {@link #SHIPPED_FOLDER} of the repository), smallest product first.
   */
  public static final List<String> SHIPPED = List.of("Pd", "Erdos971", "jagmesh7", "bcspwr10",
      "dwt_992", "G51");

  /** Where the SpArch plugin's shipped matrices are, relative to the repository root. */
  public static final String SHIPPED_FOLDER =
      "plugins/sparch/src/main/resources/dev/lathe/plugin/sparch/matrices";

  /** The large web graph whose square the simulator's throughput is measured on. */
  public static final String NOTRE_DAME = "NotreDame_www";

  /** The id of the SpArch plugin's accelerator. */
  static final String ACCELERATOR = "sparch";

  private final int repeats;
  private final PythonPeer python;
  private String scipyVersion = "";

  /**
   * A benchmark that times each side {@code repeats} times.
   *
   * @param benchmarksDir the folder of {@code scipy_spgemm.py}
   * @param python the interpreter with SciPy (Debian's {@code /usr/bin/python3})
   */
  public Spgemm(int repeats, Path benchmarksDir, Path python) {
    this.repeats = repeats;
    this.python = new PythonPeer(python, benchmarksDir);
  }

  /** SciPy's version, once {@link #products} has run. */
  public String scipyVersion() {
    return scipyVersion;
  }

  /**
   * The matrices of a run: the SpArch plugin's shipped SuiteSparse matrices, R-MAT graphs of
   * 2^13 and 2^15 vertices (edge factor 8, seed 1), and {@code NotreDame_www} if it is in
   * {@code data}.
   *
   * @param shipped the folder of the shipped {@code <name>.mtx.gz} files
   * @param data the folder where {@code benchmarks/fetch-graph-data.sh} put its files
   */
  public static Map<String, SparseMatrix> matrices(Path shipped, Path data) throws IOException {
    Map<String, SparseMatrix> matrices = new LinkedHashMap<>();
    for (String name : SHIPPED) {
      matrices.put(name, MatrixMarket.read(shipped.resolve(name + ".mtx.gz")));
    }
    matrices.put("rmat-13", MatrixGenerators.rmat(13, 8, 1));
    matrices.put("rmat-15", MatrixGenerators.rmat(15, 8, 1));
    Path notreDame = data.resolve(NOTRE_DAME + ".mtx");
    if (Files.isRegularFile(notreDame)) {
      matrices.put(NOTRE_DAME, MatrixMarket.read(notreDame));
    }
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
    JsonNode scipy = python.run("scipy_spgemm.py", args.toArray(String[]::new));
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
          PythonPeer.doubles(s.get("product_seconds")),
          PythonPeer.doubles(s.get("product_sorted_seconds"))));
    }
    return results;
  }

  /**
   * Estimates {@code a × a} on the accelerator {@code sparch} as SpArch (its defaults) and as
   * OuterSPACE, each once untimed, then timed.
   *
   * @param folder a scratch folder (an empty plugins folder is made in it)
   * @throws dev.lathe.core.LatheException if no accelerator {@code sparch} is on the module path
   */
  public ThroughputResult throughput(String name, SparseMatrix a, Path folder) throws Exception {
    Accelerator sparch;
    Accelerator outerSpace;
    try (Lathe lathe = Lathe.open(folder.resolve("no-plugins"))) {
      sparch = lathe.accelerator(ACCELERATOR, List.of());
      outerSpace = lathe.accelerator(ACCELERATOR, List.of("design=outerspace"));
    }
    SparseProduct product = SparseProduct.square(name, a);
    Metrics s = sparch.estimate(product);
    Metrics o = outerSpace.estimate(product);
    return new ThroughputResult(name, (long) s.value("partial_products"),
        time(sparch, product), time(outerSpace, product), (long) s.value("dram_bytes"),
        (long) o.value("dram_bytes"));
  }

  private List<Double> time(Accelerator accelerator, SparseProduct product) throws Exception {
    List<Double> seconds = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      accelerator.estimate(product);
      seconds.add((System.nanoTime() - start) / 1e9);
    }
    return seconds;
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
    String usage = "--data DIR --shipped DIR --work DIR [--repeats R] [--json FILE]";
    for (int i = 0; i < args.length; i += 2) {
      if (!usage.contains(args[i] + " ") || i + 1 == args.length) {
        throw new IllegalArgumentException("unknown or incomplete option " + args[i]
            + "; usage: " + usage);
      }
      options.put(args[i], args[i + 1]);
    }
    for (String required : List.of("--data", "--shipped", "--work")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("missing " + required + "; usage: " + usage);
      }
    }
    Path data = Path.of(options.get("--data"));
    Path work = Files.createDirectories(Path.of(options.get("--work")));
    Spgemm benchmark = new Spgemm(Integer.parseInt(options.get("--repeats")),
        Path.of(System.getProperty("lathe.benchmarks.dir", "benchmarks")),
        Path.of("/usr/bin/python3"));
    Map<String, SparseMatrix> matrices = matrices(Path.of(options.get("--shipped")), data);
    if (!matrices.containsKey(NOTRE_DAME)) {
      throw new IllegalArgumentException(NOTRE_DAME + ".mtx is not in " + data
          + "; run benchmarks/fetch-graph-data.sh " + data);
    }
    // SciPy reads the data folder's file itself; the other matrices are written to --work
    Files.deleteIfExists(work.resolve(NOTRE_DAME + ".mtx"));
    Files.createSymbolicLink(work.resolve(NOTRE_DAME + ".mtx"),
        data.resolve(NOTRE_DAME + ".mtx").toAbsolutePath());
    List<ProductResult> products = benchmark.products(matrices, work);
    ThroughputResult throughput = benchmark.throughput(NOTRE_DAME, matrices.get(NOTRE_DAME),
        Files.createDirectories(work.resolve("accelerator")));
    print(benchmark.scipyVersion(), products, throughput, System.out);
    if (options.containsKey("--json")) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(Path.of(options.get("--json")).toFile(), Map.of("scipy",
              benchmark.scipyVersion(), "products", products, "throughput", throughput));
    }
  }
}
