package dev.lathe.api.graph.jgrapht;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.graph.Graph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Converts between Lathe's {@link Graph} and JGraphT's {@link org.jgrapht.Graph}.
 *
 * <p>{@link #asJGraphT} wraps a graph without copying it: vertex {@code v} and edge {@code e}
 * of the Lathe graph are the {@code Integer}s {@code v} and {@code e} of the view, so any JGraphT
 * algorithm runs on it and its results map back by number. {@link #fromJGraphT} copies any
 * JGraphT graph into a Lathe graph, numbering vertices in the order of {@code vertexSet()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JGraphTAdapters {

  private JGraphTAdapters() {}

  /**
   * An unmodifiable JGraphT view of {@code graph}: a weighted directed pseudograph (loops and
   * parallel edges allowed) whose vertices are {@code 0 … n-1} and edges {@code 0 … m-1}.
   * Queries cost what they cost on the CSR form: out-edges and {@code getEdge} by binary search
   * in O(log degree), in-edges through the graph's reverse adjacency, an edge's source in
   * O(log n). Every mutator throws {@link UnsupportedOperationException}.
   *
   * @param graph the graph, not null
   */
  public static org.jgrapht.Graph<Integer, Integer> asJGraphT(Graph graph) {
    return new GraphView(graph);
  }

  /**
   * A Lathe graph with the same vertices and edges: each directed edge {@code u → v} once,
   * each undirected edge {@code {u, v}} as {@code u → v} and {@code v → u} (a loop once),
   * weighted by {@code getEdgeWeight} (1 for unweighted graphs).
   *
   * @param source a directed or undirected JGraphT graph, not null
   * @throws IllegalArgumentException if the graph is mixed, or an edge weight is negative or NaN
   *     (naming the edge's vertices)
   */
  public static <V, E> ImportedGraph<V> fromJGraphT(org.jgrapht.Graph<V, E> source) {
    if (source.getType().isMixed()) {
      throw new IllegalArgumentException("mixed graphs (some edges directed, some not) cannot be"
          + " imported; every edge must be directed, or every edge undirected");
    }
    boolean undirected = source.getType().isUndirected();
    List<V> vertices = new ArrayList<>(source.vertexSet());
    Map<V, Integer> index = new HashMap<>(vertices.size() * 2);
    for (int i = 0; i < vertices.size(); i++) {
      index.put(vertices.get(i), i);
    }
    Graph.Builder b = Graph.builder(vertices.size());
    for (E e : source.edgeSet()) {
      V from = source.getEdgeSource(e);
      V to = source.getEdgeTarget(e);
      double w = source.getEdgeWeight(e);
      if (!(w >= 0)) {
        throw new IllegalArgumentException("edge " + from + " -> " + to + " has weight " + w
            + "; weights must be >= 0");
      }
      int u = index.get(from);
      int v = index.get(to);
      b.addEdge(u, v, w);
      if (undirected && u != v) {
        b.addEdge(v, u, w);
      }
    }
    return new ImportedGraph<>(b.build(), vertices, index);
  }
}
