package dev.lathe.api.graph;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Single-source shortest paths in a graph with non-negative weights by Dijkstra's algorithm
 * (Numerische Mathematik 1, 1959) with an {@link IndexedMinHeap}: O((n + m) log n) time, O(n)
 * space besides the graph. {@link #from} follows out-edges; {@link #to} follows in-edges (the
 * graph's reverse adjacency) and so gives every vertex's distance to a target. A radius stops
 * the search early: vertices farther than it stay unreached, as a bounded Dijkstra needs.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DijkstraShortestPaths {

  private DijkstraShortestPaths() {}

  /** The shortest paths from {@code source} to every vertex. */
  public static ShortestPathTree from(Graph graph, int source) {
    return from(graph, source, Double.POSITIVE_INFINITY);
  }

  /**
   * The shortest paths from {@code source} to every vertex at distance at most {@code radius}.
   *
   * @throws IllegalArgumentException if the source is out of range or the radius negative or NaN
   */
  public static ShortestPathTree from(Graph graph, int source, double radius) {
    return search(graph, source, radius, ShortestPathTree.Direction.OUT);
  }

  /** The shortest paths from every vertex to {@code target}. */
  public static ShortestPathTree to(Graph graph, int target) {
    return to(graph, target, Double.POSITIVE_INFINITY);
  }

  /**
   * The shortest paths to {@code target} from every vertex at distance at most {@code radius}.
   *
   * @throws IllegalArgumentException if the target is out of range or the radius negative or NaN
   */
  public static ShortestPathTree to(Graph graph, int target, double radius) {
    return search(graph, target, radius, ShortestPathTree.Direction.IN);
  }

  private static ShortestPathTree search(Graph g, int root, double radius,
      ShortestPathTree.Direction direction) {
    int n = g.vertexCount();
    if (root < 0 || root >= n) {
      throw new IllegalArgumentException("vertex " + root + " is outside 0.." + (n - 1));
    }
    if (!(radius >= 0)) {
      throw new IllegalArgumentException("radius must be >= 0, got " + radius);
    }
    boolean out = direction == ShortestPathTree.Direction.OUT;
    double[] dist = new double[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    int[] treeEdge = new int[n];
    Arrays.fill(treeEdge, -1);
    IndexedMinHeap heap = new IndexedMinHeap(n, dist);
    dist[root] = 0;
    heap.insertOrDecrease(root);
    int reached = 0;
    while (!heap.isEmpty()) {
      int u = heap.pollMin();
      reached++;
      double du = dist[u];
      int end = out ? g.offset(u + 1) : g.inOffset(u + 1);
      for (int i = out ? g.offset(u) : g.inOffset(u); i < end; i++) {
        int v = out ? g.target(i) : g.inSource(i);
        double dv = du + (out ? g.weight(i) : g.inWeight(i));
        if (dv < dist[v] && dv <= radius) {
          dist[v] = dv;
          treeEdge[v] = out ? i : g.inEdge(i);
          heap.insertOrDecrease(v);
        }
      }
    }
    return new ShortestPathTree(root, direction, dist, treeEdge, reached);
  }
}
