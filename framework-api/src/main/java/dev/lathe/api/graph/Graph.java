package dev.lathe.api.graph;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * An immutable weighted digraph on vertices {@code 0 … n-1} in compressed sparse row form:
 * the out-edges of {@code v} are positions {@code offset(v)} to {@code offset(v + 1) - 1} of
 * {@link #target} and {@link #weight}, sorted by target. Parallel edges are kept.
 */
@API(status = STABLE, since = "0.1")
public final class Graph {

  private final int[] offsets;
  private final int[] targets;
  private final double[] weights;

  private Graph(int[] offsets, int[] targets, double[] weights) {
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
  }

  /** A builder for a graph on {@code vertexCount} vertices. */
  public static Builder builder(int vertexCount) {
    return new Builder(vertexCount);
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

  /** The graph with every edge reversed. */
  public Graph reversed() {
    Builder b = new Builder(vertexCount());
    for (int v = 0; v < vertexCount(); v++) {
      for (int e = offsets[v]; e < offsets[v + 1]; e++) {
        b.addEdge(targets[e], v, weights[e]);
      }
    }
    return b.build();
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
        from = Arrays.copyOf(from, 2 * m);
        to = Arrays.copyOf(to, 2 * m);
        w = Arrays.copyOf(w, 2 * m);
      }
      from[m] = u;
      to[m] = v;
      w[m] = weight;
      m++;
      return this;
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
