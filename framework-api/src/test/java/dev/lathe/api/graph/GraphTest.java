package dev.lathe.api.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lathe.api.sparse.SparseMatrix;
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

  private static List<Arc> in(Graph g, int v) {
    List<Arc> arcs = new ArrayList<>();
    for (int i = g.inOffset(v); i < g.inOffset(v + 1); i++) {
      arcs.add(new Arc(g.inSource(i), g.inWeight(i)));
      assertEquals(v, g.target(g.inEdge(i)), "in-position " + i + " names an edge into " + v);
      assertEquals(g.inSource(i), g.source(g.inEdge(i)));
      assertEquals(g.inWeight(i), g.weight(g.inEdge(i)));
    }
    assertEquals(arcs.size(), g.inDegree(v));
    return arcs;
  }

  @Test
  void inEdgesAreGroupedByHeadAndSortedBySourceAndNameTheirForwardEdge() {
    Graph g = sample();
    assertEquals(List.of(new Arc(2, 3.0)), in(g, 0));
    assertEquals(List.of(new Arc(0, 2.0), new Arc(0, 0.5)), in(g, 1));
    assertEquals(List.of(new Arc(0, 1.0), new Arc(1, 0.0)), in(g, 2));
    assertEquals(List.of(0, 1, 3, 5),
        List.of(g.inOffset(0), g.inOffset(1), g.inOffset(2), g.inOffset(3)));
    assertEquals(List.of(4, 0, 1, 2, 3), List.of(g.inEdge(0), g.inEdge(1), g.inEdge(2),
        g.inEdge(3), g.inEdge(4)));
  }

  @Test
  void sourceOfEveryEdgeSkipsVerticesWithoutEdges() {
    Graph g = Graph.builder(7).addEdge(5, 1, 1).addEdge(0, 3, 1).addEdge(5, 5, 2)
        .addEdge(2, 6, 1).build();
    assertEquals(List.of(0, 2, 5, 5),
        List.of(g.source(0), g.source(1), g.source(2), g.source(3)));
    assertEquals("edge 4 is outside 0..3",
        assertThrows(IndexOutOfBoundsException.class, () -> g.source(4)).getMessage());
  }

  @Test
  void findEdgeReturnsTheFirstOfParallelEdgesOrMinusOne() {
    Graph g = sample();
    assertEquals(0, g.findEdge(0, 1));
    assertEquals(2, g.findEdge(0, 2));
    assertEquals(-1, g.findEdge(0, 0));
    assertEquals(3, g.findEdge(1, 2));
    assertEquals(-1, g.findEdge(1, 0));
  }

  @Test
  void equalityIsStructuralAndHashConsistent() {
    assertEquals(sample(), sample());
    assertEquals(sample().hashCode(), sample().hashCode());
    assertEquals(sample(), sample().reversed().reversed());
    assertNotEquals(sample(), sample().reversed());
    Graph other = Graph.builder(3).addEdge(0, 2, 1.0).addEdge(0, 1, 2.0).addEdge(2, 0, 3.0)
        .addEdge(0, 1, 0.5).addEdge(1, 2, 0.25).build();
    assertNotEquals(sample(), other, "one weight differs");
    assertNotEquals(Graph.builder(3).build(), Graph.builder(4).build());
  }

  @Test
  void inducedSubgraphKeepsEdgesBetweenKeptVerticesRenumbered() {
    Graph sub = sample().inducedSubgraph(new int[] {0, 2});
    assertEquals(2, sub.vertexCount());
    assertEquals(List.of(new Arc(1, 1.0)), out(sub, 0));
    assertEquals(List.of(new Arc(0, 3.0)), out(sub, 1));
    assertEquals(sample(), sample().inducedSubgraph(new int[] {0, 1, 2}));
    assertEquals(0, sample().inducedSubgraph(new int[0]).vertexCount());
    assertEquals("vertices must be strictly increasing, but 2 comes before 1",
        assertThrows(IllegalArgumentException.class,
            () -> sample().inducedSubgraph(new int[] {2, 1})).getMessage());
    assertEquals("vertex 3 is outside 0..2", assertThrows(IllegalArgumentException.class,
        () -> sample().inducedSubgraph(new int[] {3})).getMessage());
  }

  @Test
  void adjacencyMatrixRoundTripSumsParallelEdges() {
    SparseMatrix a = sample().adjacencyMatrix();
    assertEquals(4, a.nnz());
    assertEquals(2.5, a.get(0, 1));
    assertEquals(0.0, a.get(1, 2));
    assertEquals(3.0, a.get(2, 0));
    Graph back = Graph.fromAdjacencyMatrix(a);
    assertEquals(List.of(new Arc(1, 2.5), new Arc(2, 1.0)), out(back, 0));
    assertEquals(List.of(new Arc(2, 0.0)), out(back, 1), "an explicit zero is an edge");
    assertEquals(back, Graph.fromAdjacencyMatrix(back.adjacencyMatrix()));
    assertEquals("entry (1, 0) is -2.0; edge weights must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> Graph.fromAdjacencyMatrix(
            SparseMatrix.builder(2, 2).add(0, 1, 1).add(1, 0, -2).build())).getMessage());
    assertEquals("an adjacency matrix must be square, got 2 x 3",
        assertThrows(IllegalArgumentException.class,
            () -> Graph.fromAdjacencyMatrix(SparseMatrix.builder(2, 3).build())).getMessage());
  }

  @Test
  void reverseAdjacencyOfARandomGraphMatchesANaiveOne() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 50;
    Graph.Builder b = Graph.builder(n);
    List<List<Arc>> naiveIn = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      naiveIn.add(new ArrayList<>());
    }
    for (int i = 0; i < 1_000; i++) {
      b.addEdge(random.nextInt(n), random.nextInt(n), random.nextInt(100));
    }
    assertEquals(1_000, b.edgeCount());
    Graph g = b.build();
    for (int u = 0; u < n; u++) {
      for (Arc a : out(g, u)) {
        naiveIn.get(a.target()).add(new Arc(u, a.weight()));
      }
    }
    for (int v = 0; v < n; v++) {
      assertEquals(naiveIn.get(v), in(g, v), "in-edges of " + v);
    }
    assertEquals(g.edgeCount(), g.inOffset(n));
  }
}
