package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.DijkstraShortestPaths;
import dev.lathe.api.graph.Graph;
import java.util.Arrays;

/**
 * The exact stretch of a source-wise round-trip spanner: round-trip distances from every source
 * in {@code G} and in {@code H} (2s Dijkstra runs in each), compared over every pair
 * {@code (x, v)}, {@code x ∈ S}, {@code v ≠ x}, with {@code d_G(x,v)} finite. A pair at distance
 * 0 has stretch 1 if {@code d_H(x,v) = 0} and {@code +∞} otherwise. Sources are measured in
 * parallel on the common fork-join pool.
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
    graph.inOffset(0);
    spanner.inOffset(0);
    return Arrays.stream(sources).parallel().mapToObj(x -> fromSource(graph, spanner, x))
        .reduce(new RoundTripStretch(1, 1, 0, -1, -1), RoundTripStretch::combine);
  }

  /** The stretch of the pairs of one source; its mean is that of its pairs. */
  private static RoundTripStretch fromSource(Graph graph, Graph spanner, int x) {
    double[] gOut = DijkstraShortestPaths.from(graph, x).distances();
    double[] gIn = DijkstraShortestPaths.to(graph, x).distances();
    double[] hOut = DijkstraShortestPaths.from(spanner, x).distances();
    double[] hIn = DijkstraShortestPaths.to(spanner, x).distances();
    double max = 1;
    double sum = 0;
    long pairs = 0;
    int worst = -1;
    for (int v = 0; v < gOut.length; v++) {
      double dg = gOut[v] + gIn[v];
      if (v == x || dg == Double.POSITIVE_INFINITY) {
        continue;
      }
      double dh = hOut[v] + hIn[v];
      double stretch = dg == 0 ? (dh == 0 ? 1 : Double.POSITIVE_INFINITY) : dh / dg;
      pairs++;
      sum += stretch;
      if (stretch > max || worst < 0) {
        max = Math.max(max, stretch);
        worst = v;
      }
    }
    return new RoundTripStretch(max, pairs == 0 ? 1 : sum / pairs, pairs, worst < 0 ? -1 : x,
        worst);
  }

  /** The stretch over the pairs of both parts. */
  private static RoundTripStretch combine(RoundTripStretch a, RoundTripStretch b) {
    if (b.pairs == 0) {
      return a;
    }
    if (a.pairs == 0) {
      return b;
    }
    long pairs = a.pairs + b.pairs;
    double mean = (a.mean * a.pairs + b.mean * b.pairs) / pairs;
    RoundTripStretch worse = b.max > a.max ? b : a;
    return new RoundTripStretch(worse.max, mean, pairs, worse.worstSource, worse.worstVertex);
  }
}
