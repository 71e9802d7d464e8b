package dev.lathe.plugin.spanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.DijkstraShortestPaths;
import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.ShortestPathTree;
import org.junit.jupiter.api.Test;

class BoundedSearchTest {

  private final Graph graph = GraphFamily.UNIFORM.generate(500, 5, 2);
  private final int[] oneRegion = new int[graph.vertexCount()];

  @Test
  void reusedSearchesGiveDijkstrasDistancesBothWays() {
    BoundedSearch out = new BoundedSearch(graph, true);
    BoundedSearch in = new BoundedSearch(graph, false);
    for (int root = 0; root < graph.vertexCount(); root += 97) {
      out.start(root, oneRegion, Double.POSITIVE_INFINITY);
      finish(out);
      in.start(root, oneRegion, Double.POSITIVE_INFINITY);
      finish(in);
      ShortestPathTree from = DijkstraShortestPaths.from(graph, root);
      ShortestPathTree to = DijkstraShortestPaths.to(graph, root);
      for (int v = 0; v < graph.vertexCount(); v++) {
        assertEquals(from.distance(v), out.distance(v), 1e-9);
        assertEquals(to.distance(v), in.distance(v), 1e-9);
        int e = out.treeEdge(v);
        if (v != root) {
          assertEquals(v, graph.target(e));
          assertEquals(out.distance(graph.source(e)) + graph.weight(e), out.distance(v), 1e-9);
          int f = in.treeEdge(v);
          assertEquals(v, graph.source(f));
          assertEquals(in.distance(graph.target(f)) + graph.weight(f), in.distance(v), 1e-9);
        }
      }
    }
  }

  @Test
  void radiusAndRegionBoundTheSearch() {
    BoundedSearch out = new BoundedSearch(graph, true);
    int[] region = new int[graph.vertexCount()];
    for (int v = 0; v < region.length; v += 2) {
      region[v] = 1;
    }
    out.start(1, region, 150);
    finish(out);
    ShortestPathTree bounded = DijkstraShortestPaths.from(graph, 1, 150);
    int settled = 0;
    for (int v = 0; v < graph.vertexCount(); v++) {
      if (out.isSettled(v)) {
        settled++;
        assertEquals(0, region[v]);
        assertTrue(out.distance(v) <= 150);
        assertTrue(out.distance(v) >= bounded.distance(v));
      }
    }
    assertTrue(settled > 1 && settled < graph.vertexCount() / 2, "settled " + settled);
    assertEquals(Double.POSITIVE_INFINITY, out.peekKey());
  }

  private static void finish(BoundedSearch search) {
    while (search.peekKey() < Double.POSITIVE_INFINITY) {
      search.expand(search.pop());
    }
  }

  @Test
  void aSearchFromManyRootsReachesEveryVertexFromItsNearestShiftedRoot() {
    int[] roots = {3, 150, 151, 420};
    double[] starts = {40, 0, 50, 12.5};
    ShortestPathTree[] trees = new ShortestPathTree[roots.length];
    for (int i = 0; i < roots.length; i++) {
      trees[i] = DijkstraShortestPaths.from(graph, roots[i]);
    }
    double radius = 60;
    BoundedSearch out = new BoundedSearch(graph, true);
    out.startFromMany(roots, starts, roots.length, oneRegion, radius);
    out.settleAll();
    int reached = 0;
    for (int v = 0; v < graph.vertexCount(); v++) {
      double best = Double.POSITIVE_INFINITY;
      int from = -1;
      for (int i = 0; i < roots.length; i++) {
        double d = starts[i] + trees[i].distance(v);
        if (d < best) {
          best = d;
          from = roots[i];
        }
      }
      if (best <= radius) {
        reached++;
        assertTrue(out.isSettled(v), "vertex " + v);
        assertEquals(best, out.distance(v), 1e-9);
        assertEquals(from, out.origin(v), "vertex " + v);
      } else {
        assertTrue(!out.isSettled(v), "vertex " + v);
      }
    }
    assertTrue(reached > 20 && reached < graph.vertexCount(), "reached " + reached);
  }
}
