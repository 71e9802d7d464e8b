package dev.lathe.plugin.spanner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LightVertexPartitionTest {

  /** A directed cycle {@code 0 → 1 → … → n−1 → 0} with unit weights. */
  private static Graph cycle(int n) {
    Graph.Builder b = Graph.builder(n);
    for (int v = 0; v < n; v++) {
      b.addEdge(v, (v + 1) % n, 1);
    }
    return b.build();
  }

  /** A path {@code 0 – 1 – … – n−1} with arcs both ways, of weight {@code weight(i)}. */
  private static Graph path(int n, int heavyEvery) {
    Graph.Builder b = Graph.builder(n);
    for (int v = 0; v + 1 < n; v++) {
      double w = heavyEvery > 0 && v % heavyEvery == heavyEvery - 1 ? 1_000 : 1;
      b.addEdge(v, v + 1, w).addEdge(v + 1, v, w);
    }
    return b.build();
  }

  private static int[] all(int n) {
    return IntStream.range(0, n).toArray();
  }

  @Test
  void theEstimateCountsExactlyTheSamplesInEachBall() {
    int n = 40;
    Graph g = cycle(n);
    int[] samples = {0, 3, 3, 17, 39, 20};
    int[] outHits = new int[n];
    int[] inHits = new int[n];
    LightVertexPartition partition = new LightVertexPartition(g, new int[] {0});
    int light = partition.estimate(all(n), n, new int[n], 5, samples, outHits, inHits);
    for (int v = 0; v < n; v++) {
      int out = 0;
      int in = 0;
      for (int y : samples) {
        out += Math.floorMod(y - v, n) <= 5 ? 1 : 0;
        in += Math.floorMod(v - y, n) <= 5 ? 1 : 0;
      }
      assertEquals(out, outHits[v], "out-ball of " + v);
      assertEquals(in, inHits[v], "in-ball of " + v);
    }
    assertEquals(n, light);
  }

  @Test
  void theEstimateStaysInsideItsRegion() {
    int n = 40;
    Graph g = cycle(n);
    int[] region = new int[n];
    for (int v = 30; v < n; v++) {
      region[v] = 1;
    }
    int[] samples = {29, 0, 12, 12};
    int[] outHits = new int[n];
    int[] inHits = new int[n];
    new LightVertexPartition(g, new int[] {0}).estimate(all(30), 30, region, 5, samples,
        outHits, inHits);
    for (int v = 0; v < 30; v++) {
      int out = 0;
      int in = 0;
      for (int y : samples) {
        out += y - v >= 0 && y - v <= 5 ? 1 : 0;
        in += v - y >= 0 && v - y <= 5 ? 1 : 0;
      }
      assertEquals(out, outHits[v], "out-ball of " + v);
      assertEquals(in, inHits[v], "in-ball of " + v);
    }
    for (int v = 30; v < n; v++) {
      assertEquals(0, outHits[v] + inHits[v]);
    }
  }

  @Test
  void theEstimateSeparatesSmallBallsFromLargeOnes() {
    int n = 400;
    Graph g = cycle(n);
    int t = CarvingRoundTripSpanner.lightSamples(n);
    assertEquals(24, t);
    int[] samples = LightVertexPartition.draw(all(n), n, t, new SplittableRandom(7));
    int[] outHits = new int[n];
    int[] inHits = new int[n];
    LightVertexPartition partition = new LightVertexPartition(g, new int[] {0});
    // Every ball of radius r holds r + 1 vertices: an eighth of them, then seven eighths.
    assertEquals(n, partition.estimate(all(n), n, new int[n], 49, samples, outHits, inHits));
    assertEquals(t * 50, IntStream.of(outHits).sum());
    assertEquals(t * 50, IntStream.of(inHits).sum());
    assertEquals(0, partition.estimate(all(n), n, new int[n], 349, samples, outHits, inHits));
    // It stops once every vertex holds more than t/2 samples both ways: after 13 to 24 samples.
    int seen = IntStream.of(outHits).sum() / 350;
    assertEquals(seen * 350, IntStream.of(outHits).sum());
    assertEquals(seen * 350, IntStream.of(inHits).sum());
    assertTrue(seen > t / 2 && seen <= t, "samples seen: " + seen);
  }

  @Test
  void clustersOfAPathAreShortIntervalsFromOneClusteringDown() {
    int n = 600;
    Graph g = path(n, 0);
    int[] region = new int[n];
    int[] outHits = new int[n];
    int[] inHits = new int[n];
    LightVertexPartition partition = new LightVertexPartition(g, new int[] {0, 300, 599});
    double radius = 40;
    int t = 30;
    SplittableRandom random = new SplittableRandom(3);
    int[] samples = LightVertexPartition.draw(all(n), n, t, random);
    assertEquals(n, partition.estimate(all(n), n, region, radius, samples, outHits, inHits));
    int next = partition.split(all(n), region, 1, outHits, inHits, t, 10, radius, random);
    assertTrue(next > 1);
    assertEquals(next - 1, partition.clusters() - countUnused(region, next));
    Map<Integer, int[]> span = new HashMap<>();
    for (int v = 0; v < n; v++) {
      assertTrue(region[v] == 0 || region[v] >= 1 && region[v] < next, "label " + region[v]);
      int[] s = span.computeIfAbsent(region[v], l -> new int[] {Integer.MAX_VALUE, -1, 0});
      s[0] = Math.min(s[0], v);
      s[1] = Math.max(s[1], v);
      s[2]++;
    }
    int cuts = 0;
    for (var e : span.entrySet()) {
      int[] s = e.getValue();
      if (e.getKey() != 0) {
        // A cluster lies in a one-directional ball of radius 40 of a light vertex, and a
        // clustering of a path by shifted distances cuts it into intervals.
        assertEquals(s[1] - s[0] + 1, s[2], "label " + e.getKey() + " is an interval");
        assertTrue(s[2] <= 2 * radius + 1, "label " + e.getKey() + ": " + s[2] + " vertices");
      }
    }
    for (int v = 0; v + 1 < n; v++) {
      cuts += region[v] != region[v + 1] ? 1 : 0;
    }
    // Every vertex is light in the whole path (no ball of radius 40 holds half of it), so the
    // first clustering covers it; the shifts of mean 10 cut it every ~20 vertices or less.
    assertEquals(0, IntStream.of(region).filter(l -> l == 0).count());
    assertTrue(cuts >= n / (2 * (int) radius + 1) && cuts < n / 2, "cuts " + cuts);
    int[] again = new int[n];
    SplittableRandom same = new SplittableRandom(3);
    LightVertexPartition.draw(all(n), n, t, same);
    new LightVertexPartition(g, new int[] {0, 300, 599}).split(all(n), again, 1, outHits,
        inHits, t, 10, radius, same);
    assertArrayEquals(region, again, "the same seed splits the same way");
  }

  private static long countUnused(int[] region, int next) {
    boolean[] used = new boolean[next];
    for (int l : region) {
      used[l] = true;
    }
    long unused = 0;
    for (int l = 1; l < next; l++) {
      unused += used[l] ? 0 : 1;
    }
    return unused;
  }

  @Test
  void regionsWithoutSourcesOrLightVerticesStayWhole() {
    int n = 100;
    Graph g = path(n, 0);
    int[] outHits = new int[n];
    int[] inHits = new int[n];
    int[] samples = LightVertexPartition.draw(all(n), n, 20, new SplittableRandom(1));
    LightVertexPartition noSource = new LightVertexPartition(g, new int[0]);
    int[] region = new int[n];
    noSource.estimate(all(n), n, region, 5, samples, outHits, inHits);
    assertEquals(7, noSource.split(all(n), region, 7, outHits, inHits, 20, 2, 5,
        new SplittableRandom(1)));
    assertArrayEquals(new int[n], region);
    LightVertexPartition heavy = new LightVertexPartition(g, new int[] {50});
    assertEquals(0, heavy.estimate(all(n), n, region, 200, samples, outHits, inHits));
    assertEquals(7, heavy.split(all(n), region, 7, outHits, inHits, 20, 50, 200,
        new SplittableRandom(1)));
    assertArrayEquals(new int[n], region);
    assertEquals(0, heavy.clusters());
  }

  @Test
  void theSpannerSplitsLongPathsAndKeepsItsStretchBound() {
    // Weights 1 and 1000 on a path of 400: balls of radius 2,520·R hold a few vertices at the
    // smallest scales, so every vertex is light and the recursion runs.
    Graph g = path(400, 2);
    for (long seed : new long[] {1, 2}) {
      int[] sources = Sources.evenlySpaced(g.vertexCount(), 4);
      CarvingRoundTripSpanner spanner = new CarvingRoundTripSpanner(4, 2, 3, seed);
      SourcewiseSpanner.Construction c = spanner.build(g, sources);
      assertTrue(c.lightClusters() > 0, "clusters " + c.lightClusters());
      RoundTripStretch stretch = RoundTripStretch.measure(g, c.spanner(), sources);
      double bound = spanner.stretchBound(g.vertexCount(), sources.length);
      assertTrue(stretch.max() <= bound, stretch + " above " + bound);
      assertEquals(4L * 399, stretch.pairs());
      SourcewiseSpanner.Construction alone = new CarvingRoundTripSpanner(4, 2, 3, seed, false)
          .build(g, sources);
      assertEquals(0, alone.lightClusters());
    }
  }

  @Test
  void whereNoVertexIsLightTheSpannerIsTheCarvingAlone() {
    for (GraphFamily family : GraphFamily.values()) {
      Graph g = family.generate(300, 6, 5);
      int[] sources = Sources.evenlySpaced(g.vertexCount(), 8);
      SourcewiseSpanner.Construction with = new CarvingRoundTripSpanner(8, 2, 2, 5)
          .build(g, sources);
      SourcewiseSpanner.Construction without = new CarvingRoundTripSpanner(8, 2, 2, 5, false)
          .build(g, sources);
      assertEquals(0, with.lightClusters());
      assertEquals(without.spanner().toString(), with.spanner().toString());
      assertEquals(without.balls(), with.balls());
      assertEquals(without.expandedVertices(), with.expandedVertices());
    }
  }

  @Test
  void theBranchsConstantsFollowTheDerivation() {
    // L = 2·⌈ln 2000 / ln(4/3)⌉ = 2·27; μ_l = 2L·R; ρ_l = (c+2)·μ_l·ln n; t = ⌈4 ln n⌉.
    assertEquals(54, CarvingRoundTripSpanner.clusterings(2_000));
    assertEquals(108 * 3.5, CarvingRoundTripSpanner.lightMeanShift(2_000, 3.5), 1e-12);
    CarvingRoundTripSpanner spanner = new CarvingRoundTripSpanner(100, 2, 2, 1);
    assertEquals(4 * 108 * Math.log(2_000), spanner.lightRadius(2_000, 1), 1e-9);
    assertEquals(31, CarvingRoundTripSpanner.lightSamples(2_000));
    // A scale that splits keeps a pair with probability p/2: twice the repetitions.
    assertEquals((int) Math.ceil(2 * Math.log(1_000) / 0.05), spanner.repetitions(1_000, 100,
        true));
    assertEquals((int) Math.ceil(2 * Math.log(1_000) / 0.1), spanner.repetitions(1_000, 100,
        false));
  }
}
