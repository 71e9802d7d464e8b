package dev.lathe.api.graph.jgrapht;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.graph.Graph;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A graph copied from JGraphT together with the vertex objects its numbers stand for.
 *
 * @param <V> the JGraphT vertex type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ImportedGraph<V> {

  private final Graph graph;
  private final List<V> vertices;
  private final Map<V, Integer> index;

  ImportedGraph(Graph graph, List<V> vertices, Map<V, Integer> index) {
    this.graph = graph;
    this.vertices = List.copyOf(vertices);
    this.index = Map.copyOf(index);
  }

  /** The graph on vertices {@code 0 … n-1}. */
  public Graph graph() {
    return graph;
  }

  /** The JGraphT vertex that vertex {@code v} stands for. */
  public V vertex(int v) {
    return vertices.get(v);
  }

  /** The number of a JGraphT vertex, or -1 if it is not in the graph. */
  public int indexOf(V vertex) {
    Integer i = index.get(vertex);
    return i == null ? -1 : i;
  }

  /** The JGraphT vertices in the order of their numbers, unmodifiable. */
  public List<V> vertices() {
    return vertices;
  }

  @Override
  public String toString() {
    return "ImportedGraph[" + graph.vertexCount() + " vertices, " + graph.edgeCount()
        + " edges]";
  }
}
