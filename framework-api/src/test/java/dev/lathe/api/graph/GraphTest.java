package dev.lathe.api.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GraphTest {

  /** One edge as seen from its tail. */
  private record Arc(int target, double weight) {}

  private static List<Arc> out(Graph g, int v) {
    List<Arc> arcs = new ArrayList<>();
    for (int e = g.offset(v); e < g.offset(v + 1); e++) {
      arcs.add(new Arc(g.target(e), g.weight(e)));
    }
    return arcs;
  }

  /** Added out of order, with two parallel edges 0 → 1. */
  private static Graph sample() {
    return Graph.builder(3)
        .addEdge(0, 2, 1.0)
        .addEdge(0, 1, 2.0)
        .addEdge(2, 0, 3.0)
        .addEdge(0, 1, 0.5)
        .addEdge(1, 2, 0.0)
        .build();
  }

  @Test
  void edgesAreGroupedByTailAndSortedByTargetKeepingParallelEdgesInOrder() {
    Graph g = sample();
    assertEquals(3, g.vertexCount());
    assertEquals(5, g.edgeCount());
    assertEquals(List.of(0, 3, 4, 5), List.of(g.offset(0), g.offset(1), g.offset(2), g.offset(3)));
    assertEquals(List.of(new Arc(1, 2.0), new Arc(1, 0.5), new Arc(2, 1.0)), out(g, 0));
    assertEquals(List.of(new Arc(2, 0.0)), out(g, 1));
    assertEquals(List.of(new Arc(0, 3.0)), out(g, 2));
    assertEquals(List.of(3, 1, 1), List.of(g.outDegree(0), g.outDegree(1), g.outDegree(2)));
    assertEquals("Graph[3 vertices, 5 edges]", g.toString());
  }

  @Test
  void reversedTurnsEveryEdgeAround() {
    Graph r = sample().reversed();
    assertEquals(5, r.edgeCount());
    assertEquals(List.of(new Arc(2, 3.0)), out(r, 0));
    assertEquals(List.of(new Arc(0, 2.0), new Arc(0, 0.5)), out(r, 1));
    assertEquals(List.of(new Arc(0, 1.0), new Arc(1, 0.0)), out(r, 2));
  }

  @Test
  void emptyAndEdgelessGraphs() {
    Graph empty = Graph.builder(0).build();
    assertEquals(0, empty.vertexCount());
    assertEquals(0, empty.edgeCount());
    assertEquals(0, empty.offset(0));
    Graph isolated = Graph.builder(4).build();
    assertEquals(4, isolated.vertexCount());
    for (int v = 0; v < 4; v++) {
      assertEquals(0, isolated.outDegree(v));
    }
    assertEquals(0, isolated.reversed().edgeCount());
  }

  @Test
  void builderRefusesBadVerticesAndWeights() {
    assertEquals("vertex count must not be negative, got -1",
        assertThrows(IllegalArgumentException.class, () -> Graph.builder(-1)).getMessage());
    Graph.Builder b = Graph.builder(3);
    assertEquals("edge 0 -> 3 has a vertex outside 0..2",
        assertThrows(IllegalArgumentException.class, () -> b.addEdge(0, 3, 1)).getMessage());
    assertEquals("edge -1 -> 0 has a vertex outside 0..2",
        assertThrows(IllegalArgumentException.class, () -> b.addEdge(-1, 0, 1)).getMessage());
    assertEquals("edge 0 -> 1 has weight -1.0; weights must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> b.addEdge(0, 1, -1)).getMessage());
    assertEquals("edge 0 -> 1 has weight NaN; weights must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> b.addEdge(0, 1, Double.NaN))
            .getMessage());
    assertEquals("edge 0 -> 0 has a vertex outside 0..-1",
        assertThrows(IllegalArgumentException.class, () -> Graph.builder(0).addEdge(0, 0, 1))
            .getMessage());
    Graph g = b.addEdge(1, 1, Double.POSITIVE_INFINITY).addEdge(0, 2, -0.0).build();
    assertEquals(2, g.edgeCount(), "the refused edges were not added");
    assertEquals(Double.POSITIVE_INFINITY, g.weight(g.offset(1)));
  }

  @Test
  void aRandomGraphMatchesANaiveAdjacencyList() {
    SplittableRandom random = new SplittableRandom(42);
    int n = 60;
    int m = 2_000;
    List<List<Arc>> naive = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      naive.add(new ArrayList<>());
    }
    Graph.Builder b = Graph.builder(n);
    for (int i = 0; i < m; i++) {
      int u = random.nextInt(n);
      int v = random.nextInt(n / 3) * 3 % n;
      double w = random.nextInt(1000) / 8.0;
      b.addEdge(u, v, w);
      naive.get(u).add(new Arc(v, w));
    }
    Graph g = b.build();
    assertEquals(n, g.vertexCount());
    assertEquals(m, g.edgeCount());
    assertEquals(m, g.offset(n));
    List<List<Arc>> reversedNaive = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      reversedNaive.add(new ArrayList<>());
    }
    for (int u = 0; u < n; u++) {
      List<Arc> expected = new ArrayList<>(naive.get(u));
      expected.sort(Comparator.comparingInt(Arc::target));
      assertEquals(expected, out(g, u), "out-edges of " + u);
      for (Arc a : expected) {
        reversedNaive.get(a.target()).add(new Arc(u, a.weight()));
      }
    }
    Graph r = g.reversed();
    for (int v = 0; v < n; v++) {
      assertEquals(reversedNaive.get(v), out(r, v), "in-edges of " + v);
    }
    Graph twice = r.reversed();
    for (int u = 0; u < n; u++) {
      assertEquals(out(g, u), out(twice, u));
    }
  }
}
