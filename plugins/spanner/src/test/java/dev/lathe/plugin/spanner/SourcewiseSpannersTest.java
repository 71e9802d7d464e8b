package dev.lathe.plugin.spanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every construction, verified exactly: no pair above the stretch it claims, for every seed. */
class SourcewiseSpannersTest {

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (GraphFamily family : GraphFamily.values()) {
      for (int k : new int[] {1, 2, 4}) {
        for (int s : new int[] {1, 6, 40}) {
          for (long seed : new long[] {1, 2}) {
            cases.add(Arguments.of(family, k, s, seed));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} k={1} s={2} seed={3}")
  @MethodSource("cases")
  void everySpannerKeepsItsStretchBound(GraphFamily family, int k, int s, long seed) {
    Graph g = family.generate(200, 8, seed);
    int[] sources = Sources.evenlySpaced(g.vertexCount(), s);
    for (SourcewiseSpanner spanner : List.of(new ExactSourcewiseSpanner(s),
        new CarvingRoundTripSpanner(s, k, 3, seed), new RoundTripCoverSpanner(s, k, 0))) {
      Graph h = spanner.build(g, sources).spanner();
      assertSubgraph(g, h);
      RoundTripStretch stretch = RoundTripStretch.measure(g, h, sources);
      double bound = spanner.stretchBound(g.vertexCount(), sources.length);
      assertTrue(stretch.max() <= bound * (1 + 1e-12), () -> spanner.method() + " on "
          + family.label() + ": stretch " + stretch + " above its bound " + bound);
      assertEquals((long) sources.length * (g.vertexCount() - 1), stretch.pairs());
    }
  }

  @Test
  void theExactSpannerHasStretchOneAndAtMostTwoTreesPerSource() {
    Graph g = GraphFamily.UNIFORM.generate(600, 20, 3);
    int[] sources = Sources.evenlySpaced(g.vertexCount(), 5);
    Graph h = new ExactSourcewiseSpanner(5).build(g, sources).spanner();
    assertEquals(1, RoundTripStretch.measure(g, h, sources).max());
    assertTrue(h.edgeCount() <= 2 * 5 * (g.vertexCount() - 1), h.toString());
    assertTrue(h.edgeCount() >= 2 * (g.vertexCount() - 1), h.toString());
  }

  @Test
  void theSpannersThinADenseGraph() {
    Graph g = GraphFamily.UNIFORM.generate(400, 60, 4);
    int[] sources = Sources.evenlySpaced(g.vertexCount(), 4);
    for (SourcewiseSpanner spanner : List.of(new ExactSourcewiseSpanner(4),
        new CarvingRoundTripSpanner(4, 2, 3, 4), new RoundTripCoverSpanner(4, 2, 0))) {
      Graph h = spanner.build(g, sources).spanner();
      assertTrue(h.edgeCount() < g.edgeCount() / 3, spanner.method() + ": " + h + " of " + g);
    }
  }

  @Test
  void zeroRoundTripsAreKeptExactly() {
    Graph g = Graph.builder(5)
        .addEdge(0, 1, 0).addEdge(1, 2, 0).addEdge(2, 0, 0).addEdge(2, 0, 3)
        .addEdge(2, 3, 2).addEdge(3, 4, 1).addEdge(4, 0, 5).addEdge(1, 4, 0.5).addEdge(4, 1, 0.5)
        .build();
    int[] sources = {0, 3};
    for (SourcewiseSpanner spanner : List.of(new CarvingRoundTripSpanner(2, 2, 3, 1),
        new RoundTripCoverSpanner(2, 2, 0))) {
      Graph h = spanner.build(g, sources).spanner();
      RoundTripStretch stretch = RoundTripStretch.measure(g, h, sources);
      assertTrue(stretch.max() <= spanner.stretchBound(5, 2), spanner.method() + ": " + stretch);
    }
  }

  @Test
  void theRepetitionsAndTheBoundFollowTheDerivation() {
    CarvingRoundTripSpanner spanner = new CarvingRoundTripSpanner(100, 2, 3, 1);
    assertEquals(0.1, spanner.joinProbability(100), 1e-12);
    assertEquals(0.5, spanner.joinProbability(2));
    assertEquals((int) Math.ceil(3 * Math.log(1000) / 0.1), spanner.repetitions(1000, 100));
    assertEquals(4 * 4 * Math.log(1000) / Math.log(10), spanner.stretchBound(1000, 100), 1e-9);
    assertEquals(3 * 1.25, new RoundTripCoverSpanner(1, 2, 0).stretchBound(10, 1));
    assertEquals(7 * 1.5, new RoundTripCoverSpanner(1, 4, 0.5).stretchBound(10, 1));
  }

  static void assertSubgraph(Graph g, Graph h) {
    assertEquals(g.vertexCount(), h.vertexCount());
    for (int u = 0; u < h.vertexCount(); u++) {
      for (int e = h.offset(u); e < h.offset(u + 1); e++) {
        int f = g.findEdge(u, h.target(e));
        assertTrue(f >= 0, "edge " + u + " -> " + h.target(e) + " is not in the graph");
      }
    }
    assertTrue(h.edgeCount() <= g.edgeCount());
  }
}
