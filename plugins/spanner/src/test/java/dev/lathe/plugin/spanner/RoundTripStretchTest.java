package dev.lathe.plugin.spanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.jgrapht.JGraphTAdapters;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.EdgeReversedGraph;
import org.junit.jupiter.api.Test;

class RoundTripStretchTest {

  @Test
  void measuresAHandComputedStretch() {
    Graph g = Graph.builder(3)
        .addEdge(0, 1, 1).addEdge(1, 0, 1).addEdge(1, 2, 1).addEdge(2, 0, 1).addEdge(0, 2, 10)
        .build();
    Graph h = Graph.builder(3).addEdge(0, 1, 1).addEdge(1, 2, 1).addEdge(2, 0, 1).build();
    RoundTripStretch stretch = RoundTripStretch.measure(g, h, new int[] {0});
    // d_G(0,1) = 1 + 1 = 2, d_H(0,1) = 1 + 2 = 3; d_G(0,2) = d_H(0,2) = 2 + 1 = 3.
    assertEquals(1.5, stretch.max());
    assertEquals((1.5 + 1) / 2, stretch.mean());
    assertEquals(2, stretch.pairs());
    assertEquals(0, stretch.worstSource());
    assertEquals(1, stretch.worstVertex());
  }

  @Test
  void aBrokenZeroRoundTripHasInfiniteStretch() {
    Graph g = Graph.builder(2).addEdge(0, 1, 0).addEdge(1, 0, 0).addEdge(1, 0, 4).build();
    Graph h = Graph.builder(2).addEdge(0, 1, 0).addEdge(1, 0, 4).build();
    assertEquals(Double.POSITIVE_INFINITY, RoundTripStretch.measure(g, h, new int[] {0}).max());
    assertEquals(1, RoundTripStretch.measure(g, g, new int[] {0, 1}).max());
  }

  @Test
  void agreesWithJGraphTsDijkstra() {
    Graph g = GraphFamily.WEB.generate(400, 6, 5);
    int[] sources = Sources.evenlySpaced(g.vertexCount(), 7);
    Graph h = new RoundTripCoverSpanner(7, 3, 0).build(g, sources).spanner();
    assertTrue(h.edgeCount() < g.edgeCount(), h + " of " + g);
    double max = 1;
    double sum = 0;
    long pairs = 0;
    for (int x : sources) {
      var gOut = new DijkstraShortestPath<>(JGraphTAdapters.asJGraphT(g)).getPaths(x);
      var gIn = new DijkstraShortestPath<>(new EdgeReversedGraph<>(JGraphTAdapters.asJGraphT(g)))
          .getPaths(x);
      var hOut = new DijkstraShortestPath<>(JGraphTAdapters.asJGraphT(h)).getPaths(x);
      var hIn = new DijkstraShortestPath<>(new EdgeReversedGraph<>(JGraphTAdapters.asJGraphT(h)))
          .getPaths(x);
      for (int v = 0; v < g.vertexCount(); v++) {
        if (v != x) {
          double stretch = (hOut.getWeight(v) + hIn.getWeight(v))
              / (gOut.getWeight(v) + gIn.getWeight(v));
          max = Math.max(max, stretch);
          sum += stretch;
          pairs++;
        }
      }
    }
    RoundTripStretch measured = RoundTripStretch.measure(g, h, sources);
    assertEquals(pairs, measured.pairs());
    assertEquals(max, measured.max(), 1e-12);
    assertEquals(sum / pairs, measured.mean(), 1e-12);
    assertTrue(max > 1, "the cover spanner stretches some pair: " + max);
  }

  @Test
  void refusesASpannerOnOtherVertices() {
    Graph g = Graph.builder(3).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RoundTripStretch.measure(g, Graph.builder(2).build(), new int[] {0}));
    assertEquals("the spanner has 2 vertices, the graph 3", e.getMessage());
  }

  @Test
  void oneReferenceServesSeveralSpannersOfAGraph() {
    Graph g = GraphFamily.GRID.generate(300, 8, 4);
    int[] sources = Sources.evenlySpaced(g.vertexCount(), 9);
    RoundTripStretch.Reference reference = RoundTripStretch.Reference.of(g, sources);
    for (SourcewiseSpanner spanner : new SourcewiseSpanner[] {new RoundTripCoverSpanner(9, 2, 0),
        new CarvingRoundTripSpanner(9, 2, 2, 4), new ExactSourcewiseSpanner(9)}) {
      Graph h = spanner.build(g, sources).spanner();
      assertEquals(RoundTripStretch.measure(g, h, sources), RoundTripStretch.measure(reference,
          h));
    }
  }
}
