package dev.lathe.api.graph;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.sparse.SparseMatrix;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * An immutable weighted digraph on vertices {@code 0 … n-1} in compressed sparse row form:
 * the out-edges of {@code v} are positions {@code offset(v)} to {@code offset(v + 1) - 1} of
 * {@link #target} and {@link #weight}, sorted by target. Parallel edges are kept.
 *
 * <p>Edges are numbered by their position: edge {@code e} goes from {@link #source(int)
 * source(e)} to {@link #target(int) target(e)}. The in-edges of {@code v} are positions
 * {@code inOffset(v)} to {@code inOffset(v + 1) - 1} of {@link #inSource}, {@link #inWeight}
 * and {@link #inEdge}, sorted by source. This reverse adjacency is built once, on the first call
 * of an in-edge method (O(n + m) time; 16 bytes per edge and 4 per vertex), and kept; building
 * it is thread-safe. A shortest-path loop over out-edges reads:
 *
 * <pre>{@code
 * for (int e = g.offset(u), end = g.offset(u + 1); e < end; e++) {
 *   relax(g.target(e), dist[u] + g.weight(e));
 * }
 * }</pre>
 *
 * <p>Two graphs are {@link #equals equal} when they have the same vertices and the same edges in
 * the same order with bit-identical weights.
 */
@API(status = STABLE, since = "0.1")
public final class Graph {

  private final int[] offsets;
  private final int[] targets;
  private final double[] weights;
  private volatile Reverse reverse;

  /** The in-edges of every vertex, grouped by head and sorted by tail. */
  private record Reverse(int[] offsets, int[] sources, int[] edges, double[] weights) {}

  private Graph(int[] offsets, int[] targets, double[] weights) {
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
  }

  /** A builder for a graph on {@code vertexCount} vertices. */
  public static Builder builder(int vertexCount) {
    return new Builder(vertexCount);
  }

  /**
   * The graph whose edge {@code i → j} has weight {@code a[i][j]} for every stored entry of a
   * square matrix, in the matrix's order (explicitly stored zeros become edges of weight 0).
   *
   * @param adjacency a square matrix, not null, without negative entries
   * @throws IllegalArgumentException if the matrix is not square or an entry is negative or NaN,
   *     naming its row and column
   */
  public static Graph fromAdjacencyMatrix(SparseMatrix adjacency) {
    if (adjacency.rows() != adjacency.columns()) {
      throw new IllegalArgumentException("an adjacency matrix must be square, got "
          + adjacency.rows() + " x " + adjacency.columns());
    }
    int n = adjacency.rows();
    int[] offsets = new int[n + 1];
    int[] targets = new int[adjacency.nnz()];
    double[] weights = new double[adjacency.nnz()];
    for (int row = 0; row < n; row++) {
      offsets[row + 1] = adjacency.rowStart(row + 1);
      for (int k = adjacency.rowStart(row); k < adjacency.rowStart(row + 1); k++) {
        targets[k] = adjacency.columnIndex(k);
        weights[k] = adjacency.value(k);
        if (!(weights[k] >= 0)) {
          throw new IllegalArgumentException("entry (" + row + ", " + targets[k] + ") is "
              + weights[k] + "; edge weights must be >= 0");
        }
      }
    }
    return new Graph(offsets, targets, weights);
  }

  /** The vertex whose range {@code offsets[v] … offsets[v + 1] - 1} holds {@code pos}. */
  private static int rangeHolding(int[] offsets, int pos) {
    int lo = 0;
    int hi = offsets.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (offsets[mid] <= pos) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The number of vertices. */
  public int vertexCount() {
    return offsets.length - 1;
  }

  /** The number of edges. */
  public int edgeCount() {
    return targets.length;
  }

  /** Where the out-edges of {@code v} start; {@code offset(vertexCount())} is the edge count. */
  public int offset(int v) {
    return offsets[v];
  }

  /** The number of out-edges of {@code v}. */
  public int outDegree(int v) {
    return offsets[v + 1] - offsets[v];
  }

  /** The head of edge {@code e}. */
  public int target(int e) {
    return targets[e];
  }

  /** The weight of edge {@code e}. */
  public double weight(int e) {
    return weights[e];
  }

  /** The tail of edge {@code e}, found by binary search over the offsets in O(log n). */
  public int source(int e) {
    if (e < 0 || e >= targets.length) {
      throw new IndexOutOfBoundsException("edge " + e + " is outside 0.." + (targets.length - 1));
    }
    return rangeHolding(offsets, e);
  }

  /**
   * The first edge {@code u → v} in edge order, or -1 if there is none; a binary search over the
   * out-edges of {@code u}, O(log outDegree(u)).
   */
  public int findEdge(int u, int v) {
    int lo = offsets[u];
    int hi = offsets[u + 1];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (targets[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < offsets[u + 1] && targets[lo] == v ? lo : -1;
  }

  /**
   * Where the in-edges of {@code v} start; {@code inOffset(vertexCount())} is the edge count.
   * The first call of an in-edge method builds the reverse adjacency.
   */
  public int inOffset(int v) {
    return reverse().offsets[v];
  }

  /** The number of in-edges of {@code v}. */
  public int inDegree(int v) {
    int[] in = reverse().offsets;
    return in[v + 1] - in[v];
  }

  /** The tail of the in-edge at position {@code i} (between {@code inOffset(v)} and the next). */
  public int inSource(int i) {
    return reverse().sources[i];
  }

  /** The weight of the in-edge at position {@code i}. */
  public double inWeight(int i) {
    return reverse().weights[i];
  }

  /** The edge number ({@code source}, {@code target}, {@code weight} apply) of in-position i. */
  public int inEdge(int i) {
    return reverse().edges[i];
  }

  private Reverse reverse() {
    Reverse r = reverse;
    if (r == null) {
      r = buildReverse();
      reverse = r;
    }
    return r;
  }

  /** A stable counting sort of the edges by head: in-edges come out sorted by tail. */
  private Reverse buildReverse() {
    int n = vertexCount();
    int m = edgeCount();
    int[] inOffsets = new int[n + 1];
    for (int e = 0; e < m; e++) {
      inOffsets[targets[e] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      inOffsets[v + 1] += inOffsets[v];
    }
    int[] next = Arrays.copyOf(inOffsets, n);
    int[] sources = new int[m];
    int[] edges = new int[m];
    double[] inWeights = new double[m];
    for (int u = 0; u < n; u++) {
      for (int e = offsets[u]; e < offsets[u + 1]; e++) {
        int slot = next[targets[e]]++;
        sources[slot] = u;
        edges[slot] = e;
        inWeights[slot] = weights[e];
      }
    }
    return new Reverse(inOffsets, sources, edges, inWeights);
  }

  /** The graph with every edge reversed, built from the reverse adjacency without sorting. */
  public Graph reversed() {
    Reverse r = reverse();
    return new Graph(r.offsets, r.sources, r.weights);
  }

  /**
   * The subgraph induced by {@code vertices}: vertex {@code i} of the result is
   * {@code vertices[i]}, and every edge between two kept vertices is kept, in order.
   *
   * @param vertices strictly increasing vertex numbers, not null
   * @throws IllegalArgumentException if the vertices are not strictly increasing or out of range
   */
  public Graph inducedSubgraph(int[] vertices) {
    int n = vertexCount();
    int[] newIndex = new int[n];
    Arrays.fill(newIndex, -1);
    for (int i = 0; i < vertices.length; i++) {
      int v = vertices[i];
      if (v < 0 || v >= n) {
        throw new IllegalArgumentException("vertex " + v + " is outside 0.." + (n - 1));
      }
      if (i > 0 && v <= vertices[i - 1]) {
        throw new IllegalArgumentException("vertices must be strictly increasing, but "
            + vertices[i - 1] + " comes before " + v);
      }
      newIndex[v] = i;
    }
    int[] subOffsets = new int[vertices.length + 1];
    int kept = 0;
    for (int i = 0; i < vertices.length; i++) {
      for (int e = offsets[vertices[i]]; e < offsets[vertices[i] + 1]; e++) {
        if (newIndex[targets[e]] >= 0) {
          kept++;
        }
      }
      subOffsets[i + 1] = kept;
    }
    int[] subTargets = new int[kept];
    double[] subWeights = new double[kept];
    int k = 0;
    for (int v : vertices) {
      for (int e = offsets[v]; e < offsets[v + 1]; e++) {
        if (newIndex[targets[e]] >= 0) {
          subTargets[k] = newIndex[targets[e]];
          subWeights[k++] = weights[e];
        }
      }
    }
    return new Graph(subOffsets, subTargets, subWeights);
  }

  /**
   * The adjacency matrix: entry {@code (u, v)} is the weight of edge {@code u → v}; parallel
   * edges are summed into one entry.
   */
  public SparseMatrix adjacencyMatrix() {
    SparseMatrix.Builder b = SparseMatrix.builder(vertexCount(), vertexCount());
    for (int u = 0; u < vertexCount(); u++) {
      for (int e = offsets[u]; e < offsets[u + 1]; e++) {
        b.add(u, targets[e], weights[e]);
      }
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Graph g && Arrays.equals(offsets, g.offsets)
        && Arrays.equals(targets, g.targets) && Arrays.equals(weights, g.weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(offsets) + Arrays.hashCode(targets))
        + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Graph[" + vertexCount() + " vertices, " + edgeCount() + " edges]";
  }

  /** Collects edges, then sorts them into CSR form. */
  public static final class Builder {
    private final int n;
    private int m;
    private int[] from = new int[16];
    private int[] to = new int[16];
    private double[] w = new double[16];

    private Builder(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("vertex count must not be negative, got " + n);
      }
      this.n = n;
    }

    /**
     * Adds the edge {@code u → v} of weight {@code weight}.
     *
     * @throws IllegalArgumentException if a vertex is out of range or the weight is negative or NaN
     */
    public Builder addEdge(int u, int v, double weight) {
      if (u < 0 || u >= n || v < 0 || v >= n) {
        throw new IllegalArgumentException(
            "edge " + u + " -> " + v + " has a vertex outside 0.." + (n - 1));
      }
      if (!(weight >= 0)) {
        throw new IllegalArgumentException(
            "edge " + u + " -> " + v + " has weight " + weight + "; weights must be >= 0");
      }
      if (m == from.length) {
        int capacity = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, 2L * m));
        if (capacity == m) {
          throw new IllegalStateException("a graph holds at most " + m + " edges");
        }
        from = Arrays.copyOf(from, capacity);
        to = Arrays.copyOf(to, capacity);
        w = Arrays.copyOf(w, capacity);
      }
      from[m] = u;
      to[m] = v;
      w[m] = weight;
      m++;
      return this;
    }

    /** The number of edges added so far. */
    public int edgeCount() {
      return m;
    }

    /** The graph, each vertex's edges sorted by target: two stable counting sorts, O(n + m). */
    public Graph build() {
      int[] byTarget = countingOrder(to, identity(m));
      int[] order = countingOrder(from, byTarget);
      int[] offsets = new int[n + 1];
      for (int i = 0; i < m; i++) {
        offsets[from[i] + 1]++;
      }
      for (int v = 0; v < n; v++) {
        offsets[v + 1] += offsets[v];
      }
      int[] targets = new int[m];
      double[] weights = new double[m];
      for (int k = 0; k < m; k++) {
        targets[k] = to[order[k]];
        weights[k] = w[order[k]];
      }
      return new Graph(offsets, targets, weights);
    }

    private int[] identity(int size) {
      int[] ids = new int[size];
      Arrays.setAll(ids, i -> i);
      return ids;
    }

    /** {@code input} reordered stably by {@code key[input[k]]}. */
    private int[] countingOrder(int[] key, int[] input) {
      int[] start = new int[n + 1];
      for (int i = 0; i < m; i++) {
        start[key[i] + 1]++;
      }
      for (int v = 0; v < n; v++) {
        start[v + 1] += start[v];
      }
      int[] out = new int[m];
      for (int idx : input) {
        out[start[key[idx]]++] = idx;
      }
      return out;
    }
  }
}
