package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.GraphAlgorithm;

/**
 * A source-wise round-trip spanner construction: for sources {@code S} it keeps a subgraph
 * {@code H} of {@code G} with {@code d_H(x,v) ≤ t·d_G(x,v)} for every {@code x ∈ S} and every
 * vertex {@code v}, where {@code d(x,v) = d(x→v) + d(v→x)}. As a {@link GraphAlgorithm} it serves
 * {@link Sources#evenlySpaced evenly spaced} sources and returns {@code H} on the same vertices.
 */
abstract class SourcewiseSpanner implements GraphAlgorithm<Graph> {

  /**
   * What one construction kept and how much it searched: vertices expanded by its searches
   * (settled ones for the exact baseline), scales treated, balls (or trees) grown, and the
   * clusters formed by the light-vertex branch of the round-trip construction (0 elsewhere).
   */
  record Construction(Graph spanner, long expandedVertices, int scales, long balls,
      long lightClusters) {}

  private final int sourceCount;

  SourcewiseSpanner(int sourceCount) {
    if (sourceCount < 1) {
      throw new IllegalArgumentException("plugin 'spanner': sources must be >= 1, got "
          + sourceCount);
    }
    this.sourceCount = sourceCount;
  }

  @Override
  public final String id() {
    return SpannerProvider.ID;
  }

  @Override
  public final Class<Graph> resultType() {
    return Graph.class;
  }

  @Override
  public final Graph compute(Graph graph) {
    return build(graph, Sources.evenlySpaced(graph.vertexCount(), sourceCount)).spanner();
  }

  /** The number of sources that {@link #compute} serves (fewer if the graph is smaller). */
  final int sourceCount() {
    return sourceCount;
  }

  /**
   * The method's name in tables: {@code roundtrip}, {@code exact} or {@code cover}
   * ({@code carving}: the roundtrip construction without its light-vertex branch).
   */
  abstract String method();

  /**
   * The stretch this construction guarantees on a graph of {@code n} vertices with {@code s}
   * sources (for the randomised one: with high probability).
   */
  abstract double stretchBound(int n, int s);

  /**
   * Builds the spanner of {@code graph} for {@code sources}.
   *
   * @param sources distinct vertices of the graph
   */
  abstract Construction build(Graph graph, int[] sources);
}
