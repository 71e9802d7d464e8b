package dev.lathe.api.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An undirected graph over a search space's dimensions, which graph-aware optimizers (e.g. a
 * graph-convolutional agent) act on: each vertex owns some of the space's dimensions and carries
 * a feature vector; a vertex that owns no dimension still passes messages along its edges.
 *
 * @param vertices the vertices
 * @param adjacency {@code adjacency[i][j]} is true when vertices i and j are joined
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DimensionGraph(List<Vertex> vertices, boolean[][] adjacency) {

  /**
   * One vertex.
   *
   * @param name the vertex's name, e.g. a device's instance name {@code m1}
   * @param features its feature vector; every vertex has the same length
   * @param dimensions the names of the dimensions it owns, in a fixed order; may be empty
   */
  public record Vertex(String name, double[] features, List<String> dimensions) {

    /** Copies the parts. */
    public Vertex {
      features = features.clone();
      dimensions = List.copyOf(dimensions);
    }

    /** A copy of the feature vector. */
    @Override
    public double[] features() {
      return features.clone();
    }

    /** Equal names, feature values and dimensions. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Vertex v && name.equals(v.name) && Arrays.equals(features, v.features)
          && dimensions.equals(v.dimensions);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, Arrays.hashCode(features), dimensions);
    }

    @Override
    public String toString() {
      return "Vertex[" + name + ", features " + Arrays.toString(features) + ", dimensions "
          + dimensions + "]";
    }
  }

  /** Checks that there are vertices, all with as many features, and a square symmetric adjacency. */
  public DimensionGraph {
    vertices = List.copyOf(vertices);
    if (vertices.isEmpty()) {
      throw new IllegalArgumentException("a dimension graph needs at least one vertex");
    }
    int features = vertices.get(0).features.length;
    for (Vertex v : vertices) {
      if (v.features.length != features) {
        throw new IllegalArgumentException("vertex '" + v.name() + "' has " + v.features.length
            + " features, vertex '" + vertices.get(0).name() + "' has " + features);
      }
    }
    if (adjacency.length != vertices.size()) {
      throw new IllegalArgumentException("adjacency has " + adjacency.length + " rows for "
          + vertices.size() + " vertices");
    }
    boolean[][] copy = new boolean[adjacency.length][];
    for (int i = 0; i < adjacency.length; i++) {
      if (adjacency[i].length != adjacency.length) {
        throw new IllegalArgumentException("adjacency row " + i + " has " + adjacency[i].length
            + " entries for " + adjacency.length + " vertices");
      }
      for (int j = 0; j < i; j++) {
        if (adjacency[i][j] != adjacency[j][i]) {
          throw new IllegalArgumentException("adjacency is not symmetric at " + i + ", " + j);
        }
      }
      copy[i] = adjacency[i].clone();
    }
    adjacency = copy;
  }

  /** A copy of the adjacency matrix. */
  @Override
  public boolean[][] adjacency() {
    boolean[][] copy = new boolean[adjacency.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = adjacency[i].clone();
    }
    return copy;
  }

  /** Equal vertices, in the same order, and the same edges. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DimensionGraph g && vertices.equals(g.vertices)
        && Arrays.deepEquals(adjacency, g.adjacency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vertices, Arrays.deepHashCode(adjacency));
  }

  @Override
  public String toString() {
    return "DimensionGraph[" + vertices + ", adjacency " + Arrays.deepToString(adjacency) + "]";
  }

  /** The number of features of each vertex. */
  public int featureCount() {
    return vertices.get(0).features.length;
  }
}
