package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.DijkstraShortestPaths;
import dev.lathe.api.graph.Graph;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The exact stretch of a source-wise round-trip spanner: round-trip distances from every source
 * in {@code G} and in {@code H} (2s Dijkstra runs in each), compared over every pair
 * {@code (x, v)}, {@code x ∈ S}, {@code v ≠ x}, with {@code d_G(x,v)} finite. A pair at distance
 * 0 has stretch 1 if {@code d_H(x,v) = 0} and {@code +∞} otherwise. Sources are measured in
 * parallel on the common fork-join pool; a {@link Reference} keeps the distances in {@code G} for
 * several spanners of one graph.
 *
 * @param max the largest stretch over the pairs (1 when there are none)
 * @param mean the mean stretch over the pairs (1 when there are none)
 * @param pairs how many pairs were compared
 * @param worstSource the source of a pair with the largest stretch, -1 if none
 * @param worstVertex the other vertex of that pair, -1 if none
 */
record RoundTripStretch(double max, double mean, long pairs, int worstSource, int worstVertex) {

  /**
   * The round-trip distances in a graph from each of its sources (2s Dijkstra runs, in parallel),
   * computed once and compared with as many spanners of that graph as needed.
   */
  static final class Reference {

    private final Graph graph;
    private final int[] sources;
    private final double[][] roundTrips;

    private Reference(Graph graph, int[] sources, double[][] roundTrips) {
      this.graph = graph;
      this.sources = sources;
      this.roundTrips = roundTrips;
    }

    /** The distances {@code d_G(x,v)} for every {@code x ∈ sources} and every vertex. */
    static Reference of(Graph graph, int[] sources) {
      graph.inOffset(0);
      double[][] roundTrips = Arrays.stream(sources).parallel()
          .mapToObj(x -> roundTrips(graph, x)).toArray(double[][]::new);
      return new Reference(graph, sources.clone(), roundTrips);
    }
  }

  /**
   * Measures the stretch of {@code spanner} for {@code graph} and {@code sources}.
   *
   * @throws IllegalArgumentException if the two graphs have different vertex counts
   */
  static RoundTripStretch measure(Graph graph, Graph spanner, int[] sources) {
    return measure(Reference.of(graph, sources), spanner);
  }

  /**
   * Measures the stretch of {@code spanner} against the distances of {@code reference}.
   *
   * @throws IllegalArgumentException if the spanner and the reference's graph have different
   *     vertex counts
   */
  static RoundTripStretch measure(Reference reference, Graph spanner) {
    int n = reference.graph.vertexCount();
    if (spanner.vertexCount() != n) {
      throw new IllegalArgumentException("the spanner has " + spanner.vertexCount()
          + " vertices, the graph " + n);
    }
    spanner.inOffset(0);
    return IntStream.range(0, reference.sources.length).parallel()
        .mapToObj(i -> fromSource(reference.roundTrips[i], spanner, reference.sources[i]))
        .reduce(new RoundTripStretch(1, 1, 0, -1, -1), RoundTripStretch::combine);
  }

  private static double[] roundTrips(Graph graph, int x) {
    double[] out = DijkstraShortestPaths.from(graph, x).distances();
    double[] in = DijkstraShortestPaths.to(graph, x).distances();
    for (int v = 0; v < out.length; v++) {
      out[v] += in[v];
    }
    return out;
  }

  /** The stretch of the pairs of one source; its mean is that of its pairs. */
  private static RoundTripStretch fromSource(double[] graphRoundTrips, Graph spanner, int x) {
    double[] hOut = DijkstraShortestPaths.from(spanner, x).distances();
    double[] hIn = DijkstraShortestPaths.to(spanner, x).distances();
    double max = 1;
    double sum = 0;
    long pairs = 0;
    int worst = -1;
    for (int v = 0; v < graphRoundTrips.length; v++) {
      double dg = graphRoundTrips[v];
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
