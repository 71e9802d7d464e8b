package dev.lathe.benchmarks;

import dev.lathe.api.graph.DijkstraShortestPaths;
import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.GraphAlgorithm;
import dev.lathe.api.graph.ShortestPathTree;
import dev.lathe.api.graph.StronglyConnectedComponents;
import dev.lathe.api.graph.io.OsmRoads;
import dev.lathe.api.graph.jgrapht.JGraphTAdapters;
import dev.lathe.core.Lathe;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Round-trip spanners and Dijkstra's algorithm on growing road-like graphs, in one run. Each
 * graph is a square grid whose neighbours are joined both ways with independent weights in
 * [1, 10), one street in five one-way (the largest strongly connected component is kept), about
 * four arcs per vertex; the Liechtenstein road network is added when its file is given.
 *
 * <ul>
 *   <li><b>Dijkstra</b>: single-source shortest paths to every vertex from the same random
 *       sources, by framework-api's {@link DijkstraShortestPaths} and by JGraphT 1.5.3's
 *       {@code DijkstraShortestPath}, on JGraphT's own {@code SimpleDirectedWeightedGraph} (a
 *       copy) and on the zero-copy view {@link JGraphTAdapters#asJGraphT}; every distance must
 *       agree; the median over the sources, in milliseconds, and the ratio.</li>
 *   <li><b>Spanners</b>: the plugin {@code spanner} (methods {@code exact}, {@code roundtrip},
 *       {@code cover}) through its provider, CPU seconds of the building thread and edges kept,
 *       with the log-log slope of time against m for each method.</li>
 * </ul>
 *
 * <p>Run: {@code benchmarks/run-spanner-scaling.sh [--sizes 10000,100000,1000000] [--sources 10]
 * [--k 4] [--dijkstra-sources 5] [--osm FILE]}.
 */
public final class SpannerScaling {

  /** Dijkstra on one graph: Lathe's and JGraphT's medians in milliseconds. */
  public record DijkstraResult(String graph, int n, int m, int sources, double latheMs,
      double jgraphtCopyMs, double jgraphtViewMs) {

    /** JGraphT's best median over Lathe's. */
    public double ratio() {
      return Math.min(jgraphtCopyMs, jgraphtViewMs) / latheMs;
    }
  }

  /** One spanner built: CPU seconds and edges kept. */
  public record SpannerResult(String graph, int n, int m, String method, int k, int sources,
      double seconds, int edges) {}

  private final int spannerSources;
  private final int k;
  private final int dijkstraSources;
  private final Path workFolder;

  /**
   * A benchmark building spanners for {@code spannerSources} sources with trade-off {@code k},
   * timing Dijkstra from {@code dijkstraSources} sources per graph.
   */
  public SpannerScaling(int spannerSources, int k, int dijkstraSources, Path workFolder) {
    this.spannerSources = spannerSources;
    this.k = k;
    this.dijkstraSources = dijkstraSources;
    this.workFolder = workFolder;
  }

  /** The road-like grid with about {@code edges} arcs, from {@code seed}. */
  public static Graph grid(int edges, long seed) {
    int side = Math.max(2, (int) Math.round(Math.sqrt(edges / 3.6)));
    SplittableRandom random = new SplittableRandom(seed);
    Graph.Builder b = Graph.builder(side * side);
    for (int row = 0; row < side; row++) {
      for (int col = 0; col < side; col++) {
        int v = row * side + col;
        if (col + 1 < side) {
          street(b, v, v + 1, random);
        }
        if (row + 1 < side) {
          street(b, v, v + side, random);
        }
      }
    }
    Graph g = b.build();
    StronglyConnectedComponents scc = StronglyConnectedComponents.of(g);
    return g.inducedSubgraph(scc.vertices(scc.largest()));
  }

  private static void street(Graph.Builder b, int u, int v, SplittableRandom random) {
    double roll = random.nextDouble();
    if (roll >= 0.1) {
      b.addEdge(u, v, random.nextDouble(1, 10));
    }
    if (roll < 0.1 || roll >= 0.2) {
      b.addEdge(v, u, random.nextDouble(1, 10));
    }
  }

  /** Times both Dijkstra implementations on {@code g} and checks that they agree. */
  public DijkstraResult dijkstra(String name, Graph g) {
    SplittableRandom random = new SplittableRandom(7);
    int[] roots = new int[dijkstraSources];
    for (int i = 0; i < roots.length; i++) {
      roots[i] = random.nextInt(g.vertexCount());
    }
    SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> copy =
        new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v < g.vertexCount(); v++) {
      copy.addVertex(v);
    }
    for (int u = 0; u < g.vertexCount(); u++) {
      for (int e = g.offset(u); e < g.offset(u + 1); e++) {
        int v = g.target(e);
        DefaultWeightedEdge existing = copy.getEdge(u, v);
        if (existing == null) {
          copy.setEdgeWeight(copy.addEdge(u, v), g.weight(e));
        } else if (g.weight(e) < copy.getEdgeWeight(existing)) {
          copy.setEdgeWeight(existing, g.weight(e));
        }
      }
    }
    var view = JGraphTAdapters.asJGraphT(g);
    for (int warm = 0; warm < 3; warm++) {
      DijkstraShortestPaths.from(g, roots[warm % roots.length]);
      new DijkstraShortestPath<>(copy).getPaths(roots[warm % roots.length]);
      new DijkstraShortestPath<>(view).getPaths(roots[warm % roots.length]);
    }
    List<Double> lathe = new ArrayList<>();
    List<Double> jgraphtCopy = new ArrayList<>();
    List<Double> jgraphtView = new ArrayList<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int root : roots) {
      long t0 = threads.getCurrentThreadCpuTime();
      ShortestPathTree tree = DijkstraShortestPaths.from(g, root);
      long t1 = threads.getCurrentThreadCpuTime();
      SingleSourcePaths<Integer, DefaultWeightedEdge> fromCopy =
          new DijkstraShortestPath<>(copy).getPaths(root);
      long t2 = threads.getCurrentThreadCpuTime();
      SingleSourcePaths<Integer, Integer> fromView = new DijkstraShortestPath<>(view).getPaths(root);
      long t3 = threads.getCurrentThreadCpuTime();
      lathe.add((t1 - t0) / 1e6);
      jgraphtCopy.add((t2 - t1) / 1e6);
      jgraphtView.add((t3 - t2) / 1e6);
      for (int v = 0; v < g.vertexCount(); v++) {
        double d = tree.distance(v);
        if (Math.abs(d - fromCopy.getWeight(v)) > 1e-9 * Math.max(1, d)
            || Math.abs(d - fromView.getWeight(v)) > 1e-9 * Math.max(1, d)) {
          throw new IllegalStateException(name + ": distances from " + root + " to " + v
              + " differ: Lathe " + d + ", JGraphT " + fromCopy.getWeight(v) + " (copy), "
              + fromView.getWeight(v) + " (view)");
        }
      }
    }
    return new DijkstraResult(name, g.vertexCount(), g.edgeCount(), roots.length,
        GraphReaders.median(lathe), GraphReaders.median(jgraphtCopy),
        GraphReaders.median(jgraphtView));
  }

  /** Builds the spanner of {@code g} with {@code method}, timed by this thread's CPU time. */
  public SpannerResult spanner(String name, Graph g, String method) {
    GraphAlgorithm<?> algorithm;
    try (Lathe lathe = Lathe.open(workFolder.resolve("no-plugins"))) {
      algorithm = lathe.graphAlgorithm("spanner", List.of("method=" + method, "k=" + k,
          "sources=" + spannerSources), 1);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    Graph spanner = (Graph) algorithm.compute(g);
    double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
    return new SpannerResult(name, g.vertexCount(), g.edgeCount(), method,
        method.equals("exact") ? 0 : k, Math.min(spannerSources, g.vertexCount()), seconds,
        spanner.edgeCount());
  }

  /** The log-log slope of {@code y} against {@code x}, by least squares. */
  static double slope(List<Double> x, List<Double> y) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int n = x.size();
    for (int i = 0; i < n; i++) {
      double lx = Math.log(x.get(i));
      double ly = Math.log(y.get(i));
      sx += lx;
      sy += ly;
      sxx += lx * lx;
      sxy += lx * ly;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }

  /** Prints both tables and the slopes. */
  public static void print(List<DijkstraResult> dijkstra, List<SpannerResult> spanners,
      PrintStream out) {
    out.println("Dijkstra, one source to every vertex (median CPU ms over the sources)");
    out.printf(Locale.ROOT, "%-22s %10s %10s %8s %14s %14s %10s%n", "graph", "n", "m",
        "sources", "Lathe ms", "JGraphT ms", "JGraphT/Lathe");
    for (DijkstraResult d : dijkstra) {
      out.printf(Locale.ROOT, "%-22s %,10d %,10d %8d %14.2f %14.2f %9.1fx%n", d.graph(), d.n(),
          d.m(), d.sources(), d.latheMs(), Math.min(d.jgraphtCopyMs(), d.jgraphtViewMs()),
          d.ratio());
    }
    out.println("(JGraphT: the faster of its own SimpleDirectedWeightedGraph and Lathe's view;"
        + " every distance agreed)");
    out.println();
    out.println("Source-wise round-trip spanners (CPU seconds of the building thread)");
    out.printf(Locale.ROOT, "%-22s %10s %10s %-10s %3s %8s %10s %12s%n", "graph", "n", "m",
        "method", "k", "sources", "seconds", "edges kept");
    for (SpannerResult s : spanners) {
      out.printf(Locale.ROOT, "%-22s %,10d %,10d %-10s %3d %8d %10.3f %,12d%n", s.graph(), s.n(),
          s.m(), s.method(), s.k(), s.sources(), s.seconds(), s.edges());
    }
    for (String method : List.of("exact", "roundtrip", "cover")) {
      List<SpannerResult> line = spanners.stream().filter(s -> s.method().equals(method)
          && s.graph().startsWith("grid")).toList();
      if (line.size() >= 2) {
        out.printf(Locale.ROOT, "log-log slope of time vs m on the grids, %s: %.2f%n", method,
            slope(line.stream().map(s -> (double) s.m()).toList(),
                line.stream().map(SpannerResult::seconds).toList()));
      }
    }
  }

  /** Entry point; see the class comment for the options. */
  public static void main(String[] args) throws IOException {
    List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
    int sources = 10;
    int k = 4;
    int dijkstraSources = 5;
    List<String> methods = List.of("exact", "roundtrip", "cover");
    Path osm = null;
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--sizes" -> sizes = List.of(value.split(",")).stream().map(Integer::valueOf)
            .toList();
        case "--sources" -> sources = Integer.parseInt(value);
        case "--k" -> k = Integer.parseInt(value);
        case "--dijkstra-sources" -> dijkstraSources = Integer.parseInt(value);
        case "--methods" -> methods = List.of(value.split(","));
        case "--osm" -> osm = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --sizes, --sources, --k, --dijkstra-sources, --methods, --osm");
      }
    }
    Path work = Files.createTempDirectory("lathe-spanner-scaling");
    SpannerScaling benchmark = new SpannerScaling(sources, k, dijkstraSources, work);
    List<DijkstraResult> dijkstra = new ArrayList<>();
    List<SpannerResult> spanners = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Graph> graphs = new ArrayList<>();
    for (int size : sizes) {
      names.add("grid " + size);
      graphs.add(grid(size, 1));
    }
    if (osm != null) {
      names.add("liechtenstein-roads");
      graphs.add(OsmRoads.reader().largestStronglyConnectedComponent(true).read(osm).graph());
    }
    benchmark.spanner("warm-up", grid(20_000, 2), "exact");
    benchmark.spanner("warm-up", grid(20_000, 2), "roundtrip");
    benchmark.spanner("warm-up", grid(20_000, 2), "cover");
    for (int i = 0; i < graphs.size(); i++) {
      dijkstra.add(benchmark.dijkstra(names.get(i), graphs.get(i)));
      for (String method : methods) {
        spanners.add(benchmark.spanner(names.get(i), graphs.get(i), method));
      }
    }
    print(dijkstra, spanners, System.out);
  }
}
