package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.StronglyConnectedComponents;

/**
 * The distance scales a cover construction must treat: round-trip distances are finite only
 * within a strongly connected component, at least the smallest positive edge weight (or zero),
 * and within a component {@code C} holding a source at most {@code 2·(ecc_out + ecc_in)} of one
 * of its sources, since {@code d(x→y) ≤ d(x→c) + d(c→y)} for every {@code x, y ∈ C}.
 */
final class RoundTripScales {

  private final int[] component;
  private final double[] diameterBound;
  private final double smallestPositiveWeight;
  private final double largestBound;
  private final boolean zeroWeights;

  private RoundTripScales(int[] component, double[] diameterBound, double smallestPositiveWeight,
      boolean zeroWeights) {
    this.component = component;
    this.diameterBound = diameterBound;
    this.smallestPositiveWeight = smallestPositiveWeight;
    this.zeroWeights = zeroWeights;
    double largest = 0;
    for (double b : diameterBound) {
      largest = Math.max(largest, b);
    }
    this.largestBound = largest;
  }

  /** The scales of {@code graph} for {@code sources}, with two searches per source component. */
  static RoundTripScales of(Graph graph, int[] sources, RoundTripBalls balls) {
    int n = graph.vertexCount();
    StronglyConnectedComponents scc = StronglyConnectedComponents.of(graph);
    int[] component = new int[n];
    for (int v = 0; v < n; v++) {
      component[v] = scc.component(v);
    }
    double[] bound = new double[scc.count()];
    boolean[] done = new boolean[scc.count()];
    for (int x : sources) {
      int c = component[x];
      if (!done[c]) {
        done[c] = true;
        if (scc.size(c) > 1) {
          int members = balls.grow(x, component, Double.POSITIVE_INFINITY);
          double eccOut = 0;
          double eccIn = 0;
          for (int i = 0; i < members; i++) {
            int z = balls.member(i);
            eccOut = Math.max(eccOut, balls.outDistance(z));
            eccIn = Math.max(eccIn, balls.inDistance(z));
          }
          bound[c] = 2 * (eccOut + eccIn);
        }
      }
    }
    double smallest = Double.POSITIVE_INFINITY;
    boolean zero = false;
    for (int e = 0; e < graph.edgeCount(); e++) {
      double w = graph.weight(e);
      if (w > 0 && w < smallest) {
        smallest = w;
      }
      zero |= w == 0;
    }
    return new RoundTripScales(component, bound, smallest, zero);
  }

  /** The strongly connected component of every vertex. */
  int[] components() {
    return component;
  }

  /** An upper bound on round-trip distances within component {@code c}; 0 without a source. */
  double diameterBound(int c) {
    return diameterBound[c];
  }

  /** The smallest positive edge weight; {@code +∞} if there is none. */
  double smallestPositiveWeight() {
    return smallestPositiveWeight;
  }

  /** The largest {@link #diameterBound} over all components. */
  double largestBound() {
    return largestBound;
  }

  /** Whether some edge has weight zero, so that round trips of length zero may exist. */
  boolean hasZeroWeights() {
    return zeroWeights;
  }
}
