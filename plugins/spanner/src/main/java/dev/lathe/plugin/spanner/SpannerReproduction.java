package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.ClaimResult.Verdict;
import dev.lathe.api.reproduce.Reproduction;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;

/**
 * Reproduces the claims of the abstract of arXiv:2004.05721 (source-wise round-trip spanners in
 * weighted digraphs) at small scale: every spanner built is verified exactly over {@code S × V};
 * sizes are compared with {@code n·s^{1/k}·ln²n}; times are fitted on log-log axes against the
 * number of edges and the number of sources, beside the exact baseline and the cover baseline;
 * and the number of sources from which the new construction is cheaper than the exact one is
 * measured or extrapolated. {@code docs/reproductions/spanner.md} gives the derivation and the
 * measured tables. Sizes per mode are in {@link Plan}.
 */
final class SpannerReproduction implements Reproduction {

  static final String ID = "spanner";

  private static final String PAPER = "arXiv:2004.05721, abstract";

  static final Claim STRETCH = new Claim("stretch",
      "The source-wise round-trip spanner has stretch O(k log n) with high probability; every"
          + " spanner built here (new method, cover and exact baselines) is verified exactly over"
          + " S x V against the bound it claims",
      "O(k log n) w.h.p.", PAPER);
  static final Claim SIZE = new Claim("size",
      "The spanner has O(n s^(1/k) log^2 n) edges",
      "O(n s^(1/k) log^2 n) edges", PAPER);
  static final Claim TIME_EDGES = new Claim("time-vs-m",
      "The construction takes time O(m s^(1/k) log^5 n): near-linear in the number of edges m",
      "O(m s^(1/k) log^5 n)", PAPER);
  static final Claim TIME_SOURCES = new Claim("time-vs-s",
      "The construction's time grows as s^(1/k) with the number of sources s, the exact"
          + " baseline's as s",
      "s^(1/k) vs s", PAPER);
  static final Claim CROSSOVER = new Claim("crossover",
      "With enough sources the new construction is cheaper than the exact source-wise baseline"
          + " (2s Dijkstra runs)",
      "cheaper for large s (asymptotic)", PAPER + "; Zhu & Lam's baseline: Omega(min(ms, n^w))");
  static final Claim REAL_GRAPHS = new Claim("real-graphs",
      "The stretch bounds hold on real road, web and mesh graphs",
      "O(k log n) w.h.p.", PAPER);

  private static final List<Claim> CLAIMS = List.of(STRETCH, SIZE, TIME_EDGES, TIME_SOURCES,
      CROSSOVER, REAL_GRAPHS);

  /** The time-vs-m sweep verifies its spanners up to this many vertices. */
  static final int VERIFIED_SIZE = 4_000;

  /**
   * The time-vs-m sweep builds the roundtrip spanner on this many graphs of each size (seeds
   * {@code seed, seed+1, …}), so that its slope comes with a confidence interval.
   */
  static final int EDGE_REPEATS = 3;

  /** The roundtrip construction runs only where {@code s^{1/k}} is at most this many. */
  static final double MAX_GROWTH = 32;

  /**
   * The sizes of one mode.
   *
   * @param stretchVertices vertices of the graphs of the stretch and size grid
   * @param stretchSources the source counts of that grid
   * @param edgeSweep vertex counts of the time-versus-m sweep (s = 10, k = 2)
   * @param sourceVertices vertices of the time-versus-s graph
   * @param sourceSweep the source counts of the time-versus-s sweep (k = 2 and 4)
   * @param realSources the source counts on real graphs
   */
  record Plan(int stretchVertices, List<Integer> stretchSources, List<Integer> edgeSweep,
      int sourceVertices, List<Integer> sourceSweep, List<Integer> realSources) {

    /**
     * The plan of {@code mode} with every vertex count multiplied by {@code scale} (at least 20
     * vertices); source counts larger than a graph become the whole graph.
     */
    static Plan of(Mode mode, double scale) {
      Plan p = of(mode);
      return new Plan(scaled(p.stretchVertices(), scale), p.stretchSources(),
          p.edgeSweep().stream().map(n -> scaled(n, scale)).toList(),
          scaled(p.sourceVertices(), scale), p.sourceSweep(), p.realSources());
    }

    private static int scaled(int n, double scale) {
      return Math.max(20, (int) Math.round(n * scale));
    }

    static Plan of(Mode mode) {
      return mode == Mode.QUICK
          ? new Plan(400, List.of(1, 10, 100), List.of(500, 1_000, 2_000, 4_000), 1_000,
              List.of(1, 4, 16, 64, 256, 1_000), List.of(10))
          : new Plan(2_000, List.of(1, 10, 100, 1_000),
              List.of(1_000, 2_000, 4_000, 8_000, 16_000, 32_000), 4_000,
              List.of(1, 4, 16, 64, 256, 1_024, 4_000), List.of(10));
    }
  }

  /** One spanner built (and, where {@code maxStretch} is not NaN, verified). */
  record Run(String graph, int n, int m, int s, int k, String method, double seconds, int edges,
      double maxStretch, double meanStretch, double bound) {

    boolean verified() {
      return !Double.isNaN(maxStretch);
    }

    boolean withinBound() {
      return !verified() || maxStretch <= bound * (1 + 1e-12);
    }

    /** {@code edges / (n·s^{1/k}·ln²n)}. */
    double sizeRatio() {
      double ln = Math.log(n);
      return edges / (n * Math.pow(s, 1.0 / k) * ln * ln);
    }
  }

  private final long seed;
  private final double confidence;
  private final double scale;
  private final Path graphFolder;
  private final Logger log;
  private final Map<Mode, Map<String, List<Run>>> experiments = new EnumMap<>(Mode.class);
  private final Map<Mode, List<String>> missing = new EnumMap<>(Mode.class);
  private boolean warm;

  /**
   * @param scale multiplies every graph size of the plan (1 as documented; tests use less)
   */
  SpannerReproduction(long seed, double confidence, double scale, Path graphFolder, Logger log) {
    this.seed = seed;
    this.confidence = confidence;
    this.scale = scale;
    this.graphFolder = graphFolder;
    this.log = log;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Claim> claims() {
    return CLAIMS;
  }

  /**
   * Checks one claim; the sweeps a claim needs run once per mode and are shared by the claims.
   *
   * @throws IOException if a real graph's file cannot be read
   * @throws IllegalArgumentException if {@code claim} is not one of {@link #claims()}
   */
  @Override
  public ClaimResult check(Claim claim, Mode mode) throws IOException {
    Plan plan = Plan.of(mode, scale);
    String setup = (mode == Mode.QUICK ? "quick" : "full") + " mode, seed " + seed
        + ", confidence c = " + confidence + (scale == 1 ? "" : ", sizes x " + scale)
        + "; ";
    if (claim.equals(STRETCH)) {
      List<Run> runs = new ArrayList<>(runs(mode, "grid", () -> stretchGrid(plan)));
      runs.addAll(runs(mode, "edges", () -> edgeSweep(plan)));
      return stretch(runs, setup + "generated graphs of " + plan.stretchVertices()
          + " vertices (uniform, grid, web), s in " + plan.stretchSources() + ", k = 1..4, and"
          + " the time-vs-m sweep up to " + VERIFIED_SIZE + " vertices");
    }
    if (claim.equals(SIZE)) {
      return size(runs(mode, "grid", () -> stretchGrid(plan)), setup);
    }
    if (claim.equals(TIME_EDGES)) {
      return timeVersusEdges(runs(mode, "edges", () -> edgeSweep(plan)), setup);
    }
    if (claim.equals(TIME_SOURCES)) {
      return timeVersusSources(runs(mode, "sources", () -> sourceSweep(plan)), setup);
    }
    if (claim.equals(CROSSOVER)) {
      return crossover(runs(mode, "sources", () -> sourceSweep(plan)), plan, setup);
    }
    if (claim.equals(REAL_GRAPHS)) {
      List<Run> runs = runs(mode, "real", () -> realGraphs(mode, plan));
      List<String> absent = missing.getOrDefault(mode, List.of());
      if (runs.isEmpty()) {
        return new ClaimResult(REAL_GRAPHS, "not measured", Verdict.PARTIAL, Origin.MEASURED,
            setup + "no real graph in " + graphFolder + " (missing: " + String.join(", ", absent)
                + "); run benchmarks/fetch-graph-data.sh");
      }
      ClaimResult r = stretch(runs, setup + "real graphs from " + graphFolder
          + (absent.isEmpty() ? "" : " (missing: " + String.join(", ", absent) + ")")
          + "; k = 2 with and without the light-vertex branch: " + lightVertexEffect(runs));
      return new ClaimResult(REAL_GRAPHS, r.measured(), r.verdict(), r.origin(), r.note());
    }
    throw new IllegalArgumentException("reproduction '" + ID + "' has no claim '" + claim.id()
        + "'");
  }

  /** A sweep that may read files. */
  private interface Sweep {
    List<Run> run() throws IOException;
  }

  private List<Run> runs(Mode mode, String name, Sweep sweep) throws IOException {
    Map<String, List<Run>> done = experiments.computeIfAbsent(mode, m -> new HashMap<>());
    List<Run> runs = done.get(name);
    if (runs == null) {
      runs = sweep.run();
      done.put(name, runs);
    }
    return runs;
  }

  // ---- experiments -------------------------------------------------------------------------

  private List<Run> stretchGrid(Plan plan) {
    List<Run> runs = new ArrayList<>();
    for (GraphFamily family : GraphFamily.values()) {
      Graph g = family.generate(plan.stretchVertices(), degree(family), seed);
      for (int s : plan.stretchSources()) {
        RoundTripStretch.Reference reference = reference(g, s);
        runs.add(run(family.label(), g, new ExactSourcewiseSpanner(s), 0, reference));
        for (int k = 1; k <= 4; k++) {
          if (Math.pow(s, 1.0 / k) <= MAX_GROWTH) {
            runs.add(run(family.label(), g, roundtrip(s, k, seed), k, reference));
          }
          runs.add(run(family.label(), g, new RoundTripCoverSpanner(s, k, 0), k, reference));
        }
      }
    }
    return runs;
  }

  private List<Run> edgeSweep(Plan plan) {
    List<Run> runs = new ArrayList<>();
    for (GraphFamily family : List.of(GraphFamily.GRID, GraphFamily.UNIFORM)) {
      for (int n : plan.edgeSweep()) {
        for (int repeat = 0; repeat < EDGE_REPEATS; repeat++) {
          Graph g = family.generate(n, 8, seed + repeat);
          RoundTripStretch.Reference reference = n <= VERIFIED_SIZE ? reference(g, 10) : null;
          if (repeat == 0) {
            runs.add(run(family.label(), g, new ExactSourcewiseSpanner(10), 0, reference));
            runs.add(run(family.label(), g, new RoundTripCoverSpanner(10, 2, 0), 2, reference));
          }
          runs.add(run(family.label(), g, roundtrip(10, 2, seed + repeat), 2, reference));
        }
      }
    }
    return runs;
  }

  private List<Run> sourceSweep(Plan plan) {
    List<Run> runs = new ArrayList<>();
    Graph g = GraphFamily.UNIFORM.generate(plan.sourceVertices(), 16, seed);
    for (int s : sweep(plan, g.vertexCount())) {
      runs.add(run("uniform", g, new ExactSourcewiseSpanner(s), 0, null));
      for (int k : new int[] {2, 4}) {
        runs.add(run("uniform", g, roundtrip(s, k, seed), k, null));
      }
      runs.add(run("uniform", g, new RoundTripCoverSpanner(s, 2, 0), 2, null));
    }
    return runs;
  }

  private List<Run> realGraphs(Mode mode, Plan plan) throws IOException {
    List<String> absent = new ArrayList<>();
    List<RealGraphs.Named> graphs = RealGraphs.read(graphFolder, absent);
    missing.put(mode, absent);
    List<Run> runs = new ArrayList<>();
    for (RealGraphs.Named named : graphs) {
      if (mode == Mode.QUICK && !named.name().startsWith("liechtenstein")) {
        continue;
      }
      for (int s : plan.realSources()) {
        RoundTripStretch.Reference reference = reference(named.graph(), s);
        runs.add(run(named.name(), named.graph(), new ExactSourcewiseSpanner(s), 0, reference));
        runs.add(run(named.name(), named.graph(),
            new CarvingRoundTripSpanner(s, 2, confidence, seed, false), 2, reference));
        for (int k : mode == Mode.QUICK ? new int[] {2} : new int[] {2, 4}) {
          runs.add(run(named.name(), named.graph(), roundtrip(s, k, seed), k, reference));
          runs.add(run(named.name(), named.graph(), new RoundTripCoverSpanner(s, k, 0), k,
              reference));
        }
      }
    }
    return runs;
  }

  private CarvingRoundTripSpanner roundtrip(int s, int k, long constructionSeed) {
    return new CarvingRoundTripSpanner(s, k, confidence, constructionSeed);
  }

  /** The round-trip distances of {@code g} from its {@code s} evenly spaced sources. */
  private static RoundTripStretch.Reference reference(Graph g, int s) {
    return RoundTripStretch.Reference.of(g, Sources.evenlySpaced(g.vertexCount(), s));
  }

  private static int degree(GraphFamily family) {
    return family == GraphFamily.UNIFORM ? 16 : 8;
  }

  /**
   * Builds each method once on a small graph, so that the timed runs find the code compiled.
   */
  private void warmUp() {
    if (!warm) {
      Graph g = GraphFamily.UNIFORM.generate(1_000, 8, seed + 1);
      int[] sources = Sources.evenlySpaced(g.vertexCount(), 30);
      for (int i = 0; i < 3; i++) {
        new ExactSourcewiseSpanner(30).build(g, sources);
        roundtrip(30, 2, seed).build(g, sources);
        new RoundTripCoverSpanner(30, 2, 0).build(g, sources);
      }
      warm = true;
    }
  }

  /**
   * Builds one spanner, timed by the CPU time of this thread (the machines are shared, so wall
   * time would measure the other jobs too), and verifies it against {@code reference} (the
   * distances of {@code g} from the spanner's sources) unless that is null.
   */
  private Run run(String name, Graph g, SourcewiseSpanner spanner, int k,
      RoundTripStretch.Reference reference) {
    boolean verify = reference != null;
    warmUp();
    int[] sources = Sources.evenlySpaced(g.vertexCount(), spanner.sourceCount());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    SourcewiseSpanner.Construction c = spanner.build(g, sources);
    // A run below the CPU clock's resolution counts as one nanosecond, so that log-log fits
    // of tiny test-sized sweeps stay defined.
    double seconds = Math.max(1, threads.getCurrentThreadCpuTime() - start) / 1e9;
    RoundTripStretch stretch = verify ? RoundTripStretch.measure(reference, c.spanner()) : null;
    Run run = new Run(name, g.vertexCount(), g.edgeCount(), sources.length, k, spanner.method(),
        seconds, c.spanner().edgeCount(), verify ? stretch.max() : Double.NaN,
        verify ? stretch.mean() : Double.NaN, spanner.stretchBound(g.vertexCount(),
        sources.length));
    log.info("{} n={} m={} s={} k={} {}: {} s CPU, {} edges, stretch max {} mean {} (bound {});"
        + " {} scales, {} balls, {} light clusters, {} vertices expanded",
        name, run.n(), run.m(), run.s(), k,
        run.method(), format("%.3f", seconds), run.edges(), format("%.3f", run.maxStretch()),
        format("%.4f", run.meanStretch()), format("%.2f", run.bound()), c.scales(),
        c.balls(), c.lightClusters(), c.expandedVertices());
    return run;
  }

  // ---- verdicts ----------------------------------------------------------------------------

  private static ClaimResult stretch(List<Run> runs, String note) {
    List<Run> verified = runs.stream().filter(Run::verified).toList();
    long above = verified.stream().filter(r -> !r.withinBound()).count();
    Run worstRoundtrip = max(verified, r -> r.method().equals("roundtrip"), Run::maxStretch);
    Run worstCover = max(verified, r -> r.method().equals("cover"), Run::maxStretch);
    double exact = verified.stream().filter(r -> r.method().equals("exact"))
        .mapToDouble(Run::maxStretch).max().orElse(Double.NaN);
    String measured = format("roundtrip max %.3f (its bound there %.1f), cover max %.3f (bound"
        + " %.3f), exact max %.3f; %d of %d spanners above their bound",
        worstRoundtrip == null ? Double.NaN : worstRoundtrip.maxStretch(),
        worstRoundtrip == null ? Double.NaN : worstRoundtrip.bound(),
        worstCover == null ? Double.NaN : worstCover.maxStretch(),
        worstCover == null ? Double.NaN : worstCover.bound(), exact, above, verified.size());
    return new ClaimResult(STRETCH, measured, above == 0 ? Verdict.REPRODUCED
        : Verdict.NOT_REPRODUCED, Origin.MEASURED, note + "; roundtrip bound 4(c+1) ln n /"
        + " ln(1/p), p = min(1/2, s^(-1/k)); cover bound (2k-1)(1+1/(2k))");
  }

  /** Time and edges of the roundtrip construction (k = 2) beside the carving alone, per graph. */
  private static String lightVertexEffect(List<Run> runs) {
    StringBuilder effect = new StringBuilder();
    for (Run carving : filter(runs, "carving")) {
      Run roundtrip = runs.stream().filter(r -> r.method().equals("roundtrip") && r.k() == 2
          && r.graph().equals(carving.graph()) && r.s() == carving.s()).findFirst()
          .orElseThrow();
      effect.append(format("%s%s %.2f s vs %.2f s, %,d vs %,d edges",
          effect.length() == 0 ? "" : "; ", carving.graph(), roundtrip.seconds(),
          carving.seconds(), roundtrip.edges(), carving.edges()));
    }
    return effect.toString();
  }

  private static ClaimResult size(List<Run> runs, String setup) {
    List<Run> roundtrip = runs.stream().filter(r -> r.method().equals("roundtrip")).toList();
    Run largest = max(roundtrip, r -> true, Run::sizeRatio);
    StringBuilder slopes = new StringBuilder();
    for (int k : new int[] {2, 4}) {
      int kk = k;
      List<Run> line = roundtrip.stream().filter(r -> r.k() == kk && r.graph().equals("uniform")
          && r.s() > 1).toList();
      if (line.size() >= 2) {
        slopes.append(format("; edges vs s on uniform, k=%d: slope %.3f", k,
            fit(line, Run::s, Run::edges).slope()));
      }
    }
    List<Run> exact = runs.stream().filter(r -> r.method().equals("exact")
        && r.graph().equals("uniform") && r.s() > 1).toList();
    if (exact.size() >= 2) {
      slopes.append(format("; exact: slope %.3f", fit(exact, Run::s, Run::edges).slope()));
    }
    double ratio = largest == null ? Double.NaN : largest.sizeRatio();
    return new ClaimResult(SIZE, format("edges <= %.3f n s^(1/k) ln^2 n (largest at %s s=%d"
        + " k=%d: %,d of %,d edges)", ratio, largest.graph(), largest.s(), largest.k(),
        largest.edges(), largest.m()), ratio <= 1 ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED,
        Origin.MEASURED, setup + roundtrip.size() + " roundtrip spanners" + slopes
        + "; at these sizes n s^(1/k) ln^2 n exceeds m, so the bound does not bind: the spanners"
        + " keep a large part of sparse graphs");
  }

  private static ClaimResult timeVersusEdges(List<Run> runs, String setup) {
    StringBuilder measured = new StringBuilder();
    boolean near = true;
    for (String family : List.of("grid", "uniform")) {
      List<Run> family1 = runs.stream().filter(r -> r.graph().equals(family)).toList();
      List<Run> line = filter(family1, "roundtrip");
      LogLogFit rt = fit(line, Run::m, Run::seconds);
      LogLogFit ex = fit(filter(family1, "exact"), Run::m, Run::seconds);
      LogLogFit cv = fit(filter(family1, "cover"), Run::m, Run::seconds);
      double lo = line.stream().mapToDouble(Run::m).min().orElseThrow();
      double hi = line.stream().mapToDouble(Run::m).max().orElseThrow();
      double reference = Math.log(hi * Math.pow(Math.log(hi), 5) / (lo
          * Math.pow(Math.log(lo), 5))) / Math.log(hi / lo);
      double halfWidth = rt.slopeHalfWidth95();
      near &= rt.slope() - halfWidth <= reference;
      measured.append(format("%s%s: roundtrip %.2f ± %.2f (%d runs), exact %.2f, cover %.2f"
          + " (m ln^5 n: %.2f)", measured.length() == 0 ? "" : "; ", family, rt.slope(),
          halfWidth, rt.points(), ex.slope(), cv.slope(), reference));
    }
    return new ClaimResult(TIME_EDGES, "log-log slopes of time vs m: " + measured,
        near ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, Origin.MEASURED, setup
        + "s = 10, k = 2, degree 8; roundtrip built on " + EDGE_REPEATS + " graphs per size"
        + " (seeds seed, seed+1, ...), exact and cover on the first; ± is the 95 % confidence"
        + " interval of the fitted slope (Student's t, N-2 degrees of freedom); the verdict"
        + " asks the interval to reach down to the slope of m ln^5 n over the same range, i.e."
        + " the roundtrip time does not grow significantly faster than the bound");
  }

  private static ClaimResult timeVersusSources(List<Run> runs, String setup) {
    StringBuilder measured = new StringBuilder();
    boolean within = true;
    for (int k : new int[] {2, 4}) {
      int kk = k;
      List<Run> line = runs.stream().filter(r -> r.method().equals("roundtrip") && r.k() == kk
          && Math.pow(r.s(), -1.0 / kk) < 0.5).toList();
      LogLogFit f = fit(line, Run::s, Run::seconds);
      within &= f.slope() <= 1.0 / k + 0.25;
      measured.append(format("roundtrip k=%d %.2f (1/k = %.2f); ", k, f.slope(), 1.0 / k));
    }
    List<Run> exact = runs.stream().filter(r -> r.method().equals("exact") && r.s() > 1).toList();
    List<Run> cover = runs.stream().filter(r -> r.method().equals("cover") && r.s() > 1).toList();
    measured.append(format("exact %.2f; cover k=2 %.2f", fit(exact, Run::s, Run::seconds)
        .slope(), fit(cover, Run::s, Run::seconds).slope()));
    Run any = runs.get(0);
    return new ClaimResult(TIME_SOURCES, "log-log slopes of time vs s: " + measured,
        within ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, Origin.MEASURED, setup
        + format("uniform graph, n = %,d, m = %,d; roundtrip fitted where s^(-1/k) < 1/2 (below,"
        + " p = 1/2 and the repetitions do not grow); the verdict allows 1/k + 0.25", any.n(),
        any.m()));
  }

  private static ClaimResult crossover(List<Run> runs, Plan plan, String setup) {
    StringBuilder measured = new StringBuilder();
    boolean reached = false;
    for (int k : new int[] {4, 2}) {
      int kk = k;
      Integer first = null;
      for (int s : sweep(plan, runs.get(0).n())) {
        Run rt = find(runs, "roundtrip", k, s);
        Run ex = find(runs, "exact", 0, s);
        if (first == null && rt.seconds() < ex.seconds()) {
          first = s;
        }
      }
      List<Run> rtLine = runs.stream().filter(r -> r.method().equals("roundtrip") && r.k() == kk
          && Math.pow(r.s(), -1.0 / kk) < 0.5).toList();
      List<Run> exLine = runs.stream().filter(r -> r.method().equals("exact") && r.s() > 1)
          .toList();
      LogLogFit rt = fit(rtLine, Run::s, Run::seconds);
      LogLogFit ex = fit(exLine, Run::s, Run::seconds);
      double extrapolated = Math.pow(rt.scale() / ex.scale(), 1 / (ex.slope() - rt.slope()));
      List<Integer> sweep = sweep(plan, runs.get(0).n());
      int largest = sweep.get(sweep.size() - 1);
      Run rtLast = find(runs, "roundtrip", k, largest);
      Run exLast = find(runs, "exact", 0, largest);
      if (first != null) {
        reached = true;
        measured.append(format("k=%d: cheaper from s = %d (at s = %d: %.2f s vs exact %.2f s);"
            + " ", k, first, largest, rtLast.seconds(), exLast.seconds()));
      } else {
        measured.append(format("k=%d: not at s <= %d (at s = %d: %.2f s vs exact %.2f s),"
            + " extrapolated crossover s ~ %s; ", k, largest, largest, rtLast.seconds(),
            exLast.seconds(), ex.slope() > rt.slope() ? format("%.3g", extrapolated)
            : "none (slopes do not cross)"));
      }
    }
    Run any = runs.get(0);
    return new ClaimResult(CROSSOVER, measured.toString().strip(),
        reached ? Verdict.REPRODUCED : Verdict.PARTIAL, Origin.MEASURED, setup
        + format("uniform graph, n = %,d, m = %,d; extrapolation from the log-log fits of time"
        + " vs s (a crossover beyond s = n needs a larger graph)", any.n(), any.m()));
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The source counts of the time-vs-s sweep on a graph of {@code n} vertices. */
  private static List<Integer> sweep(Plan plan, int n) {
    return plan.sourceSweep().stream().map(s -> Math.min(s, n)).distinct().toList();
  }

  private static List<Run> filter(List<Run> runs, String method) {
    return runs.stream().filter(r -> r.method().equals(method)).toList();
  }

  private static Run find(List<Run> runs, String method, int k, int s) {
    return runs.stream().filter(r -> r.method().equals(method) && r.s() == s
        && (k == 0 || r.k() == k)).findFirst().orElseThrow();
  }

  private static Run max(List<Run> runs, Predicate<Run> which,
      ToDoubleFunction<Run> key) {
    Run best = null;
    for (Run r : runs) {
      if (which.test(r) && (best == null || key.applyAsDouble(r) > key.applyAsDouble(best))) {
        best = r;
      }
    }
    return best;
  }

  private static LogLogFit fit(List<Run> runs, ToDoubleFunction<Run> x,
      ToDoubleFunction<Run> y) {
    return LogLogFit.of(runs.stream().map(r -> x.applyAsDouble(r)).toList(),
        runs.stream().map(r -> y.applyAsDouble(r)).toList());
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
