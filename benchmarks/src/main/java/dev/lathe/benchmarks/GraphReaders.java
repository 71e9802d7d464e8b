package dev.lathe.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.StronglyConnectedComponents;
import dev.lathe.api.graph.io.MatrixMarket;
import dev.lathe.api.graph.io.OsmRoads;
import dev.lathe.api.graph.io.RoadNetwork;
import dev.lathe.api.sparse.SparseMatrix;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lathe's graph readers on real files, beside peers in the same run. A Matrix Market file is
 * read by {@link MatrixMarket#read} and by SciPy's {@code scipy.io.mmread} (Debian's
 * python3-scipy, run as {@code /usr/bin/python3 benchmarks/scipy_mmread.py}); both must find the
 * same shape and entries, and the times are printed with their ratio; the product A × A
 * (Gustavson in Lathe, SciPy's {@code A @ A}) is timed the same way. An OpenStreetMap road
 * network is read by {@link OsmRoads} and counted again by an independent Python
 * implementation of the same documented rules ({@code benchmarks/osm_reference.py}, on the XML
 * version of the same extract); every count must agree. The JVM's first read is reported
 * apart from the median of the repeats that follow it (the steady state).
 *
 * <p>Run: {@code benchmarks/run-graph-readers.sh [--repeats R] [--json FILE]}.
 */
public final class GraphReaders {

  /** The median of a list of seconds. */
  static double median(List<Double> seconds) {
    List<Double> sorted = seconds.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * A Matrix Market file read by both sides.
   *
   * @param file the file's name
   * @param header its banner and size line
   * @param nnz the entries Lathe stored (SciPy's {@code nnz} after {@code tocsr()} must match)
   * @param latheFirst Lathe's first read in a fresh JVM, seconds
   * @param latheSeconds Lathe's timed reads
   * @param scipyVersion SciPy's version
   * @param scipyReadSeconds {@code mmread} alone (SciPy's COO matrix)
   * @param scipyCsrSeconds {@code mmread} and {@code tocsr()}, like Lathe's CSR result
   * @param productNnz the entries of A × A on both sides (-1 for a matrix that is not square)
   * @param latheProductSeconds Lathe's Gustavson product
   * @param scipyProductSeconds SciPy's {@code A @ A}, rows left unsorted
   * @param scipySortedProductSeconds SciPy's {@code A @ A} then {@code sort_indices()}, rows
   *     sorted as Lathe's are
   */
  public record MatrixResult(String file, MatrixMarket.Header header, int nnz, double latheFirst,
      List<Double> latheSeconds, String scipyVersion, List<Double> scipyReadSeconds,
      List<Double> scipyCsrSeconds, long productNnz, List<Double> latheProductSeconds,
      List<Double> scipyProductSeconds, List<Double> scipySortedProductSeconds) {}

  /**
   * Counts of a road network.
   *
   * @param roadWays OSM ways read as roads
   * @param vertices road nodes
   * @param edges directed segments
   * @param missingSegments segments whose node is not in the file
   * @param lengthMetres the sum of the edge lengths
   * @param sccVertices vertices of the largest strongly connected component
   * @param sccEdges edges inside it
   */
  public record RoadCounts(long roadWays, long vertices, long edges, long missingSegments,
      double lengthMetres, long sccVertices, long sccEdges) {

    /** Whether every count is equal and the lengths agree to 1e-9 (relative). */
    public boolean agreesWith(RoadCounts o) {
      return roadWays == o.roadWays && vertices == o.vertices && edges == o.edges
          && missingSegments == o.missingSegments && sccVertices == o.sccVertices
          && sccEdges == o.sccEdges
          && Math.abs(lengthMetres - o.lengthMetres) <= 1e-9 * Math.max(1, lengthMetres);
    }
  }

  /**
   * A road network read by Lathe and counted by the reference.
   *
   * @param file the file Lathe read
   * @param referenceFile the file the reference read
   * @param lathe Lathe's counts
   * @param reference the reference's counts
   * @param latheFirst Lathe's first read, seconds
   * @param latheSeconds Lathe's timed reads (lengths, whole network)
   */
  public record RoadResult(String file, String referenceFile, RoadCounts lathe,
      RoadCounts reference, double latheFirst, List<Double> latheSeconds) {}

  private final int repeats;
  private final PythonPeer python;

  /**
   * A benchmark.
   *
   * @param repeats timed reads on each side (after Lathe's first)
   * @param benchmarksDir the folder holding the Python scripts
   * @param python the interpreter with SciPy (Debian's {@code /usr/bin/python3})
   */
  public GraphReaders(int repeats, Path benchmarksDir, Path python) {
    this.repeats = repeats;
    this.python = new PythonPeer(python, benchmarksDir);
  }

  /**
   * Reads a Matrix Market file on both sides and checks that they agree.
   *
   * @throws IllegalStateException if the two sides disagree on the shape or the entries
   */
  public MatrixResult matrixMarket(Path file) throws IOException, InterruptedException {
    long start = System.nanoTime();
    SparseMatrix matrix = MatrixMarket.read(file);
    double first = (System.nanoTime() - start) / 1e9;
    List<Double> lathe = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      start = System.nanoTime();
      matrix = MatrixMarket.read(file);
      lathe.add((System.nanoTime() - start) / 1e9);
    }
    long productNnz = -1;
    List<Double> latheProduct = new ArrayList<>();
    if (matrix.rows() == matrix.columns()) {
      matrix.multiply(matrix);
      for (int i = 0; i < repeats; i++) {
        start = System.nanoTime();
        productNnz = matrix.multiply(matrix).nnz();
        latheProduct.add((System.nanoTime() - start) / 1e9);
      }
    }
    JsonNode scipy = python.run("scipy_mmread.py", file.toString(), Integer.toString(repeats));
    if (scipy.get("rows").asInt() != matrix.rows()
        || scipy.get("columns").asInt() != matrix.columns()
        || scipy.get("nnz").asInt() != matrix.nnz()) {
      throw new IllegalStateException(file + ": Lathe read " + matrix + ", SciPy " + scipy);
    }
    if (productNnz >= 0 && scipy.get("product_nnz").asLong() != productNnz) {
      throw new IllegalStateException(file + ": A x A has " + productNnz + " entries in Lathe, "
          + scipy.get("product_nnz") + " in SciPy");
    }
    return new MatrixResult(file.getFileName().toString(), MatrixMarket.readHeader(file),
        matrix.nnz(), first, lathe, scipy.get("scipy").asText(),
        PythonPeer.doubles(scipy.get("read_seconds")),
        PythonPeer.doubles(scipy.get("read_csr_seconds")), productNnz,
        latheProduct, PythonPeer.doubles(scipy.get("product_seconds")),
        PythonPeer.doubles(scipy.get("product_sorted_seconds")));
  }

  /**
   * Reads a road network with Lathe and counts it with the reference.
   *
   * @param file what Lathe reads ({@code .osm.pbf} or {@code .osm})
   * @param referenceFile what the reference reads: the same data as {@code .osm},
   *     {@code .osm.bz2} or {@code .osm.gz}
   * @throws IllegalStateException if a count differs
   */
  public RoadResult roads(Path file, Path referenceFile) throws IOException,
      InterruptedException {
    long start = System.nanoTime();
    RoadNetwork network = OsmRoads.reader().read(file);
    double first = (System.nanoTime() - start) / 1e9;
    List<Double> lathe = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      start = System.nanoTime();
      network = OsmRoads.reader().read(file);
      lathe.add((System.nanoTime() - start) / 1e9);
    }
    Graph g = network.graph();
    double length = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      length += g.weight(e);
    }
    StronglyConnectedComponents scc = StronglyConnectedComponents.of(g);
    Graph largest = scc.count() == 0 ? g : g.inducedSubgraph(scc.vertices(scc.largest()));
    RoadCounts ours = new RoadCounts(network.roadWayCount(), g.vertexCount(), g.edgeCount(),
        network.missingNodeSegmentCount(), length, largest.vertexCount(), largest.edgeCount());
    JsonNode ref = python.run("osm_reference.py", referenceFile.toString());
    RoadCounts theirs = new RoadCounts(ref.get("road_ways").asLong(), ref.get("vertices").asLong(),
        ref.get("edges").asLong(), ref.get("missing_segments").asLong(),
        ref.get("length_m").asDouble(), ref.get("scc_vertices").asLong(),
        ref.get("scc_edges").asLong());
    if (!ours.agreesWith(theirs)) {
      throw new IllegalStateException(file + ": Lathe counted " + ours + ", the reference "
          + theirs);
    }
    return new RoadResult(file.getFileName().toString(),
        referenceFile.getFileName().toString(), ours, theirs, first, lathe);
  }

  /** Prints both comparisons as tables. */
  public static void print(MatrixResult m, RoadResult r, PrintStream out) {
    MatrixMarket.Header h = m.header();
    out.printf(Locale.ROOT, "Matrix Market  %s: %,d x %,d, %,d entries (%s %s %s) -> %,d"
        + " stored%n", m.file(), h.rows(), h.columns(), h.entries(),
        h.format().name().toLowerCase(Locale.ROOT), h.field().name().toLowerCase(Locale.ROOT),
        h.symmetry().name().toLowerCase(Locale.ROOT), m.nnz());
    out.printf(Locale.ROOT, "%-38s %6s %11s %10s%n", "side", "reads", "median ms", "first ms");
    row(out, "SciPy " + m.scipyVersion() + " mmread", m.scipyReadSeconds(), Double.NaN);
    row(out, "SciPy " + m.scipyVersion() + " mmread + tocsr", m.scipyCsrSeconds(), Double.NaN);
    row(out, "Lathe MatrixMarket.read (CSR)", m.latheSeconds(), m.latheFirst());
    double lathe = median(m.latheSeconds());
    out.printf(Locale.ROOT, "time SciPy / Lathe: %.1fx for mmread + tocsr (%.1fx for mmread"
        + " alone; %.1fx for Lathe's first read in a fresh JVM)%n",
        median(m.scipyCsrSeconds()) / lathe, median(m.scipyReadSeconds()) / lathe,
        median(m.scipyCsrSeconds()) / m.latheFirst());
    if (m.productNnz() >= 0) {
      out.printf(Locale.ROOT, "A x A: %,d entries on both sides%n", m.productNnz());
      row(out, "SciPy " + m.scipyVersion() + " A @ A (unsorted rows)", m.scipyProductSeconds(),
          Double.NaN);
      row(out, "SciPy " + m.scipyVersion() + " A @ A + sort_indices",
          m.scipySortedProductSeconds(), Double.NaN);
      row(out, "Lathe SparseMatrix.multiply (sorted)", m.latheProductSeconds(), Double.NaN);
      double product = median(m.latheProductSeconds());
      out.printf(Locale.ROOT, "time SciPy / Lathe: %.2fx with sorted rows on both sides (%.2fx"
          + " against SciPy's unsorted product)%n", median(m.scipySortedProductSeconds())
          / product, median(m.scipyProductSeconds()) / product);
    }
    out.println();
    out.printf(Locale.ROOT, "OpenStreetMap  %s (reference: %s)%n", r.file(), r.referenceFile());
    out.printf(Locale.ROOT, "%-24s %9s %9s %9s %8s %12s %13s %10s%n", "counted by", "road ways",
        "vertices", "edges", "missing", "length km", "SCC vertices", "SCC edges");
    counts(out, "Lathe OsmRoads", r.lathe());
    counts(out, "Python reference", r.reference());
    out.printf(Locale.ROOT, "counts agree; Lathe read: first %.1f ms, median %.1f ms over %d"
        + " reads%n", r.latheFirst() * 1e3, median(r.latheSeconds()) * 1e3,
        r.latheSeconds().size());
  }

  private static void row(PrintStream out, String side, List<Double> seconds, double first) {
    out.printf(Locale.ROOT, "%-38s %6d %11.1f %10s%n", side, seconds.size(),
        median(seconds) * 1e3, Double.isNaN(first) ? "-" : String.format(Locale.ROOT, "%.1f",
            first * 1e3));
  }

  private static void counts(PrintStream out, String who, RoadCounts c) {
    out.printf(Locale.ROOT, "%-24s %,9d %,9d %,9d %,8d %,12.3f %,13d %,10d%n", who, c.roadWays(),
        c.vertices(), c.edges(), c.missingSegments(), c.lengthMetres() / 1e3, c.sccVertices(),
        c.sccEdges());
  }

  /**
   * Runs the benchmark: {@code --mtx FILE --osm FILE --osm-reference FILE [--repeats R]
   * [--json FILE]}.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>(Map.of("--repeats", "5"));
    String usage = "--mtx FILE --osm FILE --osm-reference FILE [--repeats R] [--json FILE]";
    for (int i = 0; i < args.length; i += 2) {
      if (!usage.contains(args[i] + " ") || i + 1 == args.length) {
        throw new IllegalArgumentException("unknown or incomplete option " + args[i]
            + "; usage: " + usage);
      }
      options.put(args[i], args[i + 1]);
    }
    for (String required : List.of("--mtx", "--osm", "--osm-reference")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("missing " + required + "; usage: " + usage);
      }
    }
    GraphReaders benchmark = new GraphReaders(Integer.parseInt(options.get("--repeats")),
        Path.of(System.getProperty("lathe.benchmarks.dir", "benchmarks")),
        Path.of("/usr/bin/python3"));
    MatrixResult m = benchmark.matrixMarket(Path.of(options.get("--mtx")));
    RoadResult r = benchmark.roads(Path.of(options.get("--osm")),
        Path.of(options.get("--osm-reference")));
    print(m, r, System.out);
    if (options.containsKey("--json")) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(Path.of(options.get("--json")).toFile(), Map.of("matrix_market", m,
              "openstreetmap", r));
    }
  }
}
