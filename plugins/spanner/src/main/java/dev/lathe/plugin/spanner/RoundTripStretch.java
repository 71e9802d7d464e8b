package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.DijkstraShortestPaths;
import dev.lathe.api.graph.Graph;

/**
 * The exact stretch of a source-wise round-trip spanner: round-trip distances from every source
 * in {@code G} and in {@code H} (2s Dijkstra runs in each), compared over every pair
 * {@code (x, v)}, {@code x ∈ S}, {@code v ≠ x}, with {@code d_G(x,v)} finite. A pair at distance
 * 0 has stretch 1 if {@code d_H(x,v) = 0} and {@code +∞} otherwise.
 *
 * @param max the largest stretch over the pairs (1 when there are none)
 * @param mean the mean stretch over the pairs (1 when there are none)
 * @param pairs how many pairs were compared
 * @param worstSource the source of a pair with the largest stretch, -1 if none
 * @param worstVertex the other vertex of that pair, -1 if none
 */
record RoundTripStretch(double max, double mean, long pairs, int worstSource, int worstVertex) {

  /**
   * Measures the stretch of {@code spanner} for {@code graph} and {@code sources}.
   *
   * @throws IllegalArgumentException if the two graphs have different vertex counts
   */
  static RoundTripStretch measure(Graph graph, Graph spanner, int[] sources) {
    int n = graph.vertexCount();
    if (spanner.vertexCount() != n) {
      throw new IllegalArgumentException("the spanner has " + spanner.vertexCount()
          + " vertices, the graph " + n);
    }
    double max = 1;
    double sum = 0;
    long pairs = 0;
    int worstSource = -1;
    int worstVertex = -1;
    for (int x : sources) {
      double[] gOut = DijkstraShortestPaths.from(graph, x).distances();
      double[] gIn = DijkstraShortestPaths.to(graph, x).distances();
      double[] hOut = DijkstraShortestPaths.from(spanner, x).distances();
      double[] hIn = DijkstraShortestPaths.to(spanner, x).distances();
      for (int v = 0; v < n; v++) {
        double dg = gOut[v] + gIn[v];
        if (v == x || dg == Double.POSITIVE_INFINITY) {
          continue;
        }
        double dh = hOut[v] + hIn[v];
        double stretch = dg == 0 ? (dh == 0 ? 1 : Double.POSITIVE_INFINITY) : dh / dg;
        pairs++;
        sum += stretch;
        if (stretch > max || worstSource < 0) {
          max = Math.max(max, stretch);
          worstSource = x;
          worstVertex = v;
        }
      }
    }
    return new RoundTripStretch(max, pairs == 0 ? 1 : sum / pairs, pairs, worstSource,
        worstVertex);
  }
}
