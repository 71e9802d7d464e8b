package dev.lathe.api.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DijkstraShortestPathsTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  /** All-pairs distances by Floyd–Warshall, the reference. */
  private static double[][] floydWarshall(Graph g) {
    int n = g.vertexCount();
    double[][] d = new double[n][n];
    for (int u = 0; u < n; u++) {
      Arrays.fill(d[u], INF);
      d[u][u] = 0;
      for (int e = g.offset(u); e < g.offset(u + 1); e++) {
        d[u][g.target(e)] = Math.min(d[u][g.target(e)], g.weight(e));
      }
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          d[i][j] = Math.min(d[i][j], d[i][k] + d[k][j]);
        }
      }
    }
    return d;
  }

  private static Graph random(long seed, int n, int m) {
    SplittableRandom random = new SplittableRandom(seed);
    Graph.Builder b = Graph.builder(n);
    for (int i = 0; i < m; i++) {
      b.addEdge(random.nextInt(n), random.nextInt(n), random.nextInt(1, 1_000) / 16.0);
    }
    return b.build();
  }

  @Test
  void distancesFromAndToEveryVertexMatchFloydWarshall() {
    for (long seed = 1; seed <= 5; seed++) {
      Graph g = random(seed, 40, 120);
      double[][] expected = floydWarshall(g);
      for (int s = 0; s < g.vertexCount(); s++) {
        ShortestPathTree out = DijkstraShortestPaths.from(g, s);
        ShortestPathTree in = DijkstraShortestPaths.to(g, s);
        for (int v = 0; v < g.vertexCount(); v++) {
          assertEquals(expected[s][v], out.distance(v), "seed " + seed + ": " + s + " -> " + v);
          assertEquals(expected[v][s], in.distance(v), "seed " + seed + ": " + v + " -> " + s);
        }
        assertEquals(Arrays.stream(expected[s]).filter(Double::isFinite).count(),
            out.reachedCount());
      }
    }
  }

  @Test
  void treeEdgesLieOnShortestPaths() {
    Graph g = random(11, 200, 900);
    ShortestPathTree out = DijkstraShortestPaths.from(g, 3);
    ShortestPathTree in = DijkstraShortestPaths.to(g, 3);
    assertEquals(-1, out.treeEdge(3));
    assertEquals(-1, in.treeEdge(3));
    for (int v = 0; v < g.vertexCount(); v++) {
      if (v != 3 && out.isReached(v)) {
        int e = out.treeEdge(v);
        assertEquals(v, g.target(e));
        assertEquals(out.distance(v), out.distance(g.source(e)) + g.weight(e));
      }
      if (v != 3 && in.isReached(v)) {
        int e = in.treeEdge(v);
        assertEquals(v, g.source(e));
        assertEquals(in.distance(v), in.distance(g.target(e)) + g.weight(e));
      }
      if (!out.isReached(v)) {
        assertEquals(-1, out.treeEdge(v));
      }
    }
  }

  @Test
  void aRadiusLeavesFartherVerticesUnreached() {
    Graph path = Graph.builder(5).addEdge(0, 1, 1).addEdge(1, 2, 1).addEdge(2, 3, 1)
        .addEdge(3, 4, 1).addEdge(0, 4, 10).build();
    ShortestPathTree t = DijkstraShortestPaths.from(path, 0, 2.0);
    assertArrayEquals(new double[] {0, 1, 2, INF, INF}, t.distances());
    assertEquals(3, t.reachedCount());
    assertFalse(t.isReached(3));
    assertEquals(ShortestPathTree.Direction.OUT, t.direction());
    assertEquals(0, t.root());
    ShortestPathTree all = DijkstraShortestPaths.from(path, 0);
    assertEquals(4.0, all.distance(4), "the long way round is shorter than the direct edge");
    assertEquals(3, path.source(all.treeEdge(4)));
    ShortestPathTree back = DijkstraShortestPaths.to(path, 4, 3.0);
    assertArrayEquals(new double[] {INF, 3, 2, 1, 0}, back.distances());
    assertEquals(ShortestPathTree.Direction.IN, back.direction());
    assertTrue(back.toString().startsWith("ShortestPathTree[IN of 4, 4 of 5 vertices reached"),
        back.toString());
  }

  @Test
  void refusesABadRootOrRadius() {
    Graph g = Graph.builder(2).build();
    assertEquals("vertex 2 is outside 0..1", assertThrows(IllegalArgumentException.class,
        () -> DijkstraShortestPaths.from(g, 2)).getMessage());
    assertEquals("radius must be >= 0, got NaN", assertThrows(IllegalArgumentException.class,
        () -> DijkstraShortestPaths.to(g, 0, Double.NaN)).getMessage());
  }
}
