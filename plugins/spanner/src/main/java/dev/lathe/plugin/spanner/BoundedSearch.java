package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.IndexedMinHeap;
import java.util.Arrays;

/**
 * A reusable Dijkstra search over out-edges or in-edges that stays inside one region of the
 * vertices ({@code region[v] == region[root]}) and stops at a radius. It is driven one vertex at
 * a time ({@link #peekKey()}, {@link #pop()}, {@link #expand(int)}) so that an out-search and an in-search can grow side by side and skip the
 * vertices that cannot lie in a round-trip ball. Arrays are allocated once per graph; each search
 * resets only the vertices it touched, so a search costs O((t + e) log t) for t touched vertices
 * and e scanned edges, not O(n).
 */
final class BoundedSearch {

  private static final byte UNSEEN = 0;
  private static final byte QUEUED = 1;
  private static final byte SETTLED = 2;

  private final Graph graph;
  private final boolean out;
  private final double[] dist;
  private final int[] treeEdge;
  private final int[] origin;
  private final byte[] state;
  private final int[] touched;
  private int touchedCount;
  private final IndexedMinHeap queue;
  private int[] region;
  private int regionLabel;
  private double radius;

  BoundedSearch(Graph graph, boolean out) {
    int n = graph.vertexCount();
    this.graph = graph;
    this.out = out;
    this.dist = new double[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    this.treeEdge = new int[n];
    Arrays.fill(treeEdge, -1);
    this.origin = new int[n];
    this.state = new byte[n];
    this.touched = new int[n];
    this.queue = new IndexedMinHeap(n, dist);
    if (!out && graph.edgeCount() > 0) {
      graph.inOffset(0);
    }
  }

  /**
   * Starts a new search from {@code root} over the vertices {@code v} with
   * {@code region[v] == region[root]}, settling only vertices at distance at most {@code radius}.
   */
  void start(int root, int[] region, double radius) {
    reset(region, region[root], radius);
    dist[root] = 0;
    origin[root] = root;
    touch(root);
    push(root);
  }

  /**
   * Starts one search from several roots of the same region at once, root {@code roots[i]} at
   * distance {@code startDistances[i]} (as if a virtual source joined it by an arc of that
   * length): every vertex is reached from the root that minimises start distance plus path
   * length, its {@link #origin}. Only distances up to {@code radius} are settled.
   */
  void startFromMany(int[] roots, double[] startDistances, int count, int[] region,
      double radius) {
    reset(region, region[roots[0]], radius);
    for (int i = 0; i < count; i++) {
      int root = roots[i];
      double d = startDistances[i];
      if (state[root] == UNSEEN) {
        touch(root);
        dist[root] = d;
        origin[root] = root;
        push(root);
      } else if (d < dist[root]) {
        dist[root] = d;
        origin[root] = root;
        queue.insertOrDecrease(root);
      }
    }
  }

  private void reset(int[] region, int label, double radius) {
    for (int i = 0; i < touchedCount; i++) {
      int v = touched[i];
      dist[v] = Double.POSITIVE_INFINITY;
      treeEdge[v] = -1;
      state[v] = UNSEEN;
    }
    touchedCount = 0;
    queue.clear();
    this.region = region;
    this.regionLabel = label;
    this.radius = radius;
  }

  /** Settles and expands every vertex within the radius: a plain bounded Dijkstra search. */
  void settleAll() {
    while (!queue.isEmpty()) {
      expand(pop());
    }
  }

  /** The smallest tentative distance still queued: a lower bound for every unsettled vertex. */
  double peekKey() {
    return queue.isEmpty() ? Double.POSITIVE_INFINITY : dist[queue.peekMin()];
  }

  /** Settles the queued vertex nearest the root and returns it; the queue must not be empty. */
  int pop() {
    int u = queue.pollMin();
    state[u] = SETTLED;
    return u;
  }

  /** Relaxes the edges of the settled vertex {@code u}. */
  void expand(int u) {
    double du = dist[u];
    int from = origin[u];
    Graph g = graph;
    if (out) {
      for (int e = g.offset(u), end = g.offset(u + 1); e < end; e++) {
        relax(g.target(e), du + g.weight(e), e, from);
      }
    } else {
      for (int i = g.inOffset(u), end = g.inOffset(u + 1); i < end; i++) {
        relax(g.inSource(i), du + g.inWeight(i), g.inEdge(i), from);
      }
    }
  }

  private void relax(int v, double dv, int edge, int from) {
    if (dv < dist[v] && dv <= radius && region[v] == regionLabel) {
      if (state[v] == UNSEEN) {
        touch(v);
        dist[v] = dv;
        treeEdge[v] = edge;
        origin[v] = from;
        push(v);
      } else if (state[v] == QUEUED) {
        dist[v] = dv;
        treeEdge[v] = edge;
        origin[v] = from;
        queue.insertOrDecrease(v);
      }
    }
  }

  boolean isSettled(int v) {
    return state[v] == SETTLED;
  }

  /** The distance found so far ({@code +∞} if unreached); final for settled vertices. */
  double distance(int v) {
    return dist[v];
  }

  /** The root from which the search reached {@code v}; meaningful for touched vertices. */
  int origin(int v) {
    return origin[v];
  }

  /** The edge of the graph through which {@code v} joined the tree, -1 for the root. */
  int treeEdge(int v) {
    return treeEdge[v];
  }

  /** The number of vertices this search has touched; {@link #touchedVertex} lists them. */
  int touchedCount() {
    return touchedCount;
  }

  int touchedVertex(int i) {
    return touched[i];
  }

  private void touch(int v) {
    touched[touchedCount++] = v;
  }

  private void push(int v) {
    state[v] = QUEUED;
    queue.insertOrDecrease(v);
  }
}
