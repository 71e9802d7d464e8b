package dev.lathe.api.graph.io;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.graph.Graph;
import org.apiguardian.api.API;

/**
 * An undirected graph as METIS sees it: a symmetric {@link Graph} (each undirected edge is two
 * directed edges of the same integer weight, no loops, no parallel edges), and optionally
 * {@code constraints} integer weights per vertex and one size per vertex.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MetisGraph {

  private final Graph graph;
  private final boolean edgeWeights;
  private final int constraints;
  private final long[] vertexWeights;
  private final long[] vertexSizes;

  private MetisGraph(Graph graph, boolean edgeWeights, int constraints, long[] vertexWeights,
      long[] vertexSizes) {
    this.graph = graph;
    this.edgeWeights = edgeWeights;
    this.constraints = constraints;
    this.vertexWeights = vertexWeights;
    this.vertexSizes = vertexSizes;
  }

  /**
   * A METIS graph; the arrays are copied.
   *
   * @param graph a symmetric graph, not null (checked when written)
   * @param edgeWeights whether the edge weights are part of the graph (else all are 1)
   * @param constraints the number of weights per vertex, 0 for none
   * @param vertexWeights {@code constraints} weights per vertex, vertex by vertex; null for none
   * @param vertexSizes one size per vertex, or null for none
   * @throws IllegalArgumentException if an array's length does not fit the graph
   */
  public static MetisGraph of(Graph graph, boolean edgeWeights, int constraints,
      long[] vertexWeights, long[] vertexSizes) {
    int n = graph.vertexCount();
    if (constraints < 0) {
      throw new IllegalArgumentException("constraints must not be negative, got " + constraints);
    }
    int expected = constraints * n;
    int given = vertexWeights == null ? 0 : vertexWeights.length;
    if (given != expected) {
      throw new IllegalArgumentException(constraints + " weights for each of " + n
          + " vertices make " + expected + ", got " + given);
    }
    if (vertexSizes != null && vertexSizes.length != n) {
      throw new IllegalArgumentException(n + " vertices need " + n + " sizes, got "
          + vertexSizes.length);
    }
    return new MetisGraph(graph, edgeWeights, constraints,
        vertexWeights == null ? new long[0] : vertexWeights.clone(),
        vertexSizes == null ? null : vertexSizes.clone());
  }

  /** The graph: both directions of every undirected edge, weighted by its edge weight. */
  public Graph graph() {
    return graph;
  }

  /** Whether the file gave edge weights (otherwise every weight is 1). */
  public boolean hasEdgeWeights() {
    return edgeWeights;
  }

  /** The number of weights per vertex (METIS's {@code ncon}), 0 if vertices are unweighted. */
  public int constraints() {
    return constraints;
  }

  /** The {@code c}-th weight of vertex {@code v}, {@code 0 <= c < constraints()}. */
  public long vertexWeight(int v, int c) {
    if (c < 0 || c >= constraints) {
      throw new IndexOutOfBoundsException("weight " + c + " of vertex " + v + ": the graph has "
          + constraints + " weights per vertex");
    }
    return vertexWeights[v * constraints + c];
  }

  /** Whether vertices have sizes. */
  public boolean hasVertexSizes() {
    return vertexSizes != null;
  }

  /** The size of vertex {@code v} (its communication volume in METIS). */
  public long vertexSize(int v) {
    if (vertexSizes == null) {
      throw new IllegalStateException("the graph has no vertex sizes");
    }
    return vertexSizes[v];
  }

  /** The number of undirected edges: half the graph's directed edges. */
  public int undirectedEdgeCount() {
    return graph.edgeCount() / 2;
  }

  @Override
  public String toString() {
    return "MetisGraph[" + graph.vertexCount() + " vertices, " + undirectedEdgeCount()
        + " edges, " + constraints + " weights per vertex" + (edgeWeights ? ", edge weights" : "")
        + (vertexSizes != null ? ", vertex sizes" : "") + "]";
  }
}
