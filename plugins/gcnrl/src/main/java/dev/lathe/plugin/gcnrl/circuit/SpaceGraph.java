package dev.lathe.plugin.gcnrl.circuit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A graph over a search space's dimensions: vertices that each own up to
 * {@link DeviceType#maxParameters()} dimensions, with a feature vector, and undirected edges.
 * The GCN agent acts per vertex; a vertex that owns no dimension (a matched device) still
 * passes messages.
 *
 * @param vertices the vertices
 * @param adjacency {@code adjacency[i][j]} is true when vertices i and j are joined
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SpaceGraph(List<Vertex> vertices, boolean[][] adjacency) {

  /**
   * One vertex.
   *
   * @param name the vertex's name, e.g. {@code m1}
   * @param features its feature vector; every vertex has the same length
   * @param dimensions the names of the dimensions it owns, in action order; may be empty
   */
  public record Vertex(String name, double[] features, List<String> dimensions) {

    /** Copies the parts. */
    public Vertex {
      features = features.clone();
      dimensions = List.copyOf(dimensions);
    }
  }

  /** Checks that the adjacency is square, symmetric and matches the vertices. */
  public SpaceGraph {
    vertices = List.copyOf(vertices);
    if (adjacency.length != vertices.size()) {
      throw new IllegalArgumentException("adjacency has " + adjacency.length + " rows for "
          + vertices.size() + " vertices");
    }
    for (int i = 0; i < adjacency.length; i++) {
      for (int j = 0; j < adjacency.length; j++) {
        if (adjacency[i].length != adjacency.length || adjacency[i][j] != adjacency[j][i]) {
          throw new IllegalArgumentException("adjacency is not square and symmetric at " + i
              + ", " + j);
        }
      }
    }
    boolean[][] copy = new boolean[adjacency.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = adjacency[i].clone();
    }
    adjacency = copy;
  }

  /** The number of features of each vertex. */
  public int featureCount() {
    return vertices.get(0).features().length;
  }
}
