package dev.lathe.api.graph.jgrapht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.DijkstraShortestPaths;
import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.ShortestPathTree;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graphs;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.junit.jupiter.api.Test;

class JGraphTAdaptersTest {

  private static Graph random(long seed, int n, int m) {
    SplittableRandom random = new SplittableRandom(seed);
    Graph.Builder b = Graph.builder(n);
    for (int i = 0; i < m; i++) {
      b.addEdge(random.nextInt(n), random.nextInt(n), random.nextInt(1, 100) / 4.0);
    }
    return b.build();
  }

  @Test
  void viewShowsEveryVertexEdgeAndWeightByNumber() {
    Graph g = Graph.builder(4).addEdge(0, 1, 2).addEdge(0, 1, 3).addEdge(1, 1, 0.5)
        .addEdge(2, 0, 1).build();
    org.jgrapht.Graph<Integer, Integer> view = JGraphTAdapters.asJGraphT(g);
    assertEquals(Set.of(0, 1, 2, 3), view.vertexSet());
    assertEquals(Set.of(0, 1, 2, 3), view.edgeSet());
    assertTrue(view.getType().isDirected());
    assertTrue(view.getType().isAllowingMultipleEdges());
    assertTrue(view.getType().isAllowingSelfLoops());
    assertFalse(view.getType().isModifiable());
    assertEquals(Set.of(0, 1), view.getAllEdges(0, 1));
    assertEquals(0, view.getEdge(0, 1));
    assertNull(view.getEdge(1, 0));
    assertNull(view.getAllEdges(0, 9));
    assertEquals(Set.of(), view.getAllEdges(3, 0));
    assertEquals(Set.of(0, 1, 3), view.edgesOf(0));
    assertEquals(Set.of(3), view.incomingEdgesOf(0));
    assertFalse(view.incomingEdgesOf(0).contains(0));
    assertEquals(Set.of(0, 1, 2), view.incomingEdgesOf(1));
    assertEquals(4, view.degreeOf(1), "two in, one loop counted in and out");
    assertEquals(1, view.outDegreeOf(1));
    assertEquals(0, view.degreeOf(3));
    assertEquals(3.0, view.getEdgeWeight(1));
    assertEquals(1, view.getEdgeSource(2));
    assertEquals(1, view.getEdgeTarget(2));
    assertTrue(view.containsEdge(2, 0));
    assertFalse(view.containsEdge(0, 2));
    assertEquals("no such vertex in graph: 4",
        assertThrows(IllegalArgumentException.class, () -> view.outDegreeOf(4)).getMessage());
    assertEquals("no such edge in graph: 4",
        assertThrows(IllegalArgumentException.class, () -> view.getEdgeWeight(4)).getMessage());
    assertEquals("a Lathe Graph is immutable; copy the view into a JGraphT graph to change it",
        assertThrows(UnsupportedOperationException.class, () -> view.addVertex(9)).getMessage());
    assertThrows(UnsupportedOperationException.class, () -> view.setEdgeWeight(0, 1.0));
    assertThrows(UnsupportedOperationException.class, () -> view.removeEdge(0));
  }

  @Test
  void roundTripThroughTheViewAndThroughAJGraphTCopyGivesTheSameGraph() {
    Graph g = random(1, 300, 2_000);
    assertEquals(g, JGraphTAdapters.fromJGraphT(JGraphTAdapters.asJGraphT(g)).graph());
    DirectedWeightedPseudograph<Integer, DefaultWeightedEdge> copy =
        new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class);
    org.jgrapht.Graph<Integer, Integer> view = JGraphTAdapters.asJGraphT(g);
    Graphs.addAllVertices(copy, view.vertexSet());
    for (Integer e : view.edgeSet()) {
      Graphs.addEdge(copy, view.getEdgeSource(e), view.getEdgeTarget(e), view.getEdgeWeight(e));
    }
    assertEquals(2_000, copy.edgeSet().size());
    ImportedGraph<Integer> back = JGraphTAdapters.fromJGraphT(copy);
    assertEquals(g, back.graph());
    for (int v = 0; v < 300; v++) {
      assertEquals(v, back.vertex(v));
      assertEquals(v, back.indexOf(v));
    }
  }

  @Test
  void importNumbersVerticesInInsertionOrderAndDoublesUndirectedEdges() {
    DefaultDirectedWeightedGraph<String, DefaultWeightedEdge> directed =
        new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    Graphs.addEdgeWithVertices(directed, "Vaduz", "Schaan", 4.2);
    Graphs.addEdgeWithVertices(directed, "Schaan", "Vaduz", 4.5);
    Graphs.addEdgeWithVertices(directed, "Vaduz", "Balzers", 9.1);
    directed.addVertex("Malbun");
    ImportedGraph<String> imported = JGraphTAdapters.fromJGraphT(directed);
    assertEquals(List.of("Vaduz", "Schaan", "Balzers", "Malbun"), imported.vertices());
    Graph g = imported.graph();
    assertEquals(3, g.edgeCount());
    assertEquals(9.1, g.weight(g.findEdge(0, 2)));
    assertEquals(-1, imported.indexOf("Triesen"));
    assertEquals("ImportedGraph[4 vertices, 3 edges]", imported.toString());

    SimpleWeightedGraph<String, DefaultWeightedEdge> undirected =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    Graphs.addEdgeWithVertices(undirected, "a", "b", 2);
    Graphs.addEdgeWithVertices(undirected, "b", "c", 3);
    Graph u = JGraphTAdapters.fromJGraphT(undirected).graph();
    assertEquals(4, u.edgeCount());
    assertEquals(3.0, u.weight(u.findEdge(2, 1)));
    assertEquals(u, u.reversed());

    org.jgrapht.Graph<String, DefaultWeightedEdge> unweighted = GraphTypeBuilder
        .<String, DefaultWeightedEdge>directed().weighted(false)
        .edgeClass(DefaultWeightedEdge.class).buildGraph();
    Graphs.addEdgeWithVertices(unweighted, "x", "y");
    assertEquals(1.0, JGraphTAdapters.fromJGraphT(unweighted).graph().weight(0));

    Graphs.addEdgeWithVertices(directed, "Balzers", "Malbun", -1);
    assertEquals("edge Balzers -> Malbun has weight -1.0; weights must be >= 0", assertThrows(
        IllegalArgumentException.class, () -> JGraphTAdapters.fromJGraphT(directed))
        .getMessage());
  }

  @Test
  void dijkstraDistancesAgreeWithJGraphT() {
    for (long seed = 1; seed <= 3; seed++) {
      Graph g = random(seed, 500, 2_500);
      org.jgrapht.Graph<Integer, Integer> view = JGraphTAdapters.asJGraphT(g);
      DijkstraShortestPath<Integer, Integer> jgrapht = new DijkstraShortestPath<>(view);
      Set<Integer> checkedSources = new HashSet<>();
      SplittableRandom pick = new SplittableRandom(seed);
      while (checkedSources.size() < 10) {
        int s = pick.nextInt(500);
        if (!checkedSources.add(s)) {
          continue;
        }
        ShortestPathAlgorithm.SingleSourcePaths<Integer, Integer> paths = jgrapht.getPaths(s);
        ShortestPathTree ours = DijkstraShortestPaths.from(g, s);
        for (int v = 0; v < 500; v++) {
          assertEquals(paths.getWeight(v), ours.distance(v), 1e-9,
              "seed " + seed + ": " + s + " -> " + v);
        }
      }
    }
  }
}
