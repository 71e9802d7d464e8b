package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import java.util.Arrays;

/**
 * The source-wise round-trip spanner from round-trip covers, after Roditty, Thorup and Zwick
 * (ACM TALG 4(3), 2008) and its source-wise form by Zhu and Lam (stretch 2k+ε): deterministic
 * sparse covers by ball carving, one per scale {@code R = w_min·(1+ε)^i}.
 *
 * <p>At scale {@code R}, with weights {@code ω(v) = 1} for sources and {@code s/n} otherwise and
 * {@code λ = (2s)^{1/k}}: for each source {@code u} not yet carved, let {@code B_j} be the
 * uncarved vertices within round-trip distance {@code jR} of {@code u} in {@code G}; take the
 * least {@code j < k} with {@code ω(B_{j+1}) ≤ λ·ω(B_j)} (it exists since {@code ω(B_0) ≥ 1} and
 * {@code ω(V) < 2s}), keep the shortest paths between {@code u} and {@code B_{j+1}} both ways,
 * and carve {@code B_j}. Every pair {@code (x, v)} with {@code d(x,v) ≤ R} is in one cluster of
 * radius {@code ≤ kR} with one of them within {@code (k−1)R}, so
 * {@code d_H(x,v) ≤ (2k−1)R}: stretch {@code (2k−1)(1+ε)}, which is {@code < 2k} with the
 * default {@code ε = 1/(2k)}. The clusters hold at most {@code 2nλ} uncarved vertices per scale;
 * each search explores a whole round-trip ball of {@code G} (not of the uncarved part), which is
 * why such constructions cost Ω(m·s) in the worst case.
 */
final class RoundTripCoverSpanner extends SourcewiseSpanner {

  private final int k;
  private final double epsilon;

  /**
   * @param k the trade-off parameter, {@code ≥ 1}
   * @param epsilon the scale step {@code ε > 0}; 0 chooses {@code 1/(2k)}
   */
  RoundTripCoverSpanner(int sourceCount, int k, double epsilon) {
    super(sourceCount);
    if (k < 1) {
      throw new IllegalArgumentException("plugin 'spanner': k must be >= 1, got " + k);
    }
    if (!(epsilon >= 0)) {
      throw new IllegalArgumentException("plugin 'spanner': epsilon must be >= 0, got "
          + epsilon);
    }
    this.k = k;
    this.epsilon = epsilon == 0 ? 1.0 / (2 * k) : epsilon;
  }

  @Override
  String method() {
    return "cover";
  }

  @Override
  double stretchBound(int n, int s) {
    return (2 * k - 1) * (1 + epsilon);
  }

  @Override
  Construction build(Graph graph, int[] sources) {
    int n = graph.vertexCount();
    KeptEdges kept = new KeptEdges(graph);
    if (n == 0 || sources.length == 0) {
      return new Construction(kept.toGraph(), 0, 0, 0, 0);
    }
    int s = sources.length;
    boolean[] isSource = new boolean[n];
    for (int x : sources) {
      isSource[x] = true;
    }
    double otherWeight = (double) s / n;
    double growth = Math.pow(2.0 * s, 1.0 / k);
    RoundTripBalls balls = new RoundTripBalls(graph);
    RoundTripScales scales = RoundTripScales.of(graph, sources, balls);
    int[] components = scales.components();
    long clusters = 0;
    if (scales.hasZeroWeights()) {
      for (int x : sources) {
        kept.keepTrees(balls, balls.grow(x, components, 0));
        clusters++;
      }
    }
    boolean[] carved = new boolean[n];
    int[] carvedList = new int[n];
    int[] outStamp = new int[n];
    int[] inStamp = new int[n];
    int stamp = 0;
    double[] ballWeight = new double[k + 1];
    int scaleCount = 0;
    for (double scale = scales.smallestPositiveWeight(); scale / (1 + epsilon)
        < scales.largestBound(); scale *= 1 + epsilon) {
      scaleCount++;
      int carvedCount = 0;
      for (int u : sources) {
        if (carved[u] || scales.diameterBound(components[u]) * (1 + epsilon) < scale) {
          continue;
        }
        int members = balls.grow(u, components, k * scale);
        Arrays.fill(ballWeight, 0);
        for (int i = 0; i < members; i++) {
          int z = balls.member(i);
          if (!carved[z]) {
            int ring = (int) Math.ceil(balls.roundTrip(i) / scale);
            ballWeight[Math.min(ring, k)] += isSource[z] ? 1 : otherWeight;
          }
        }
        for (int j = 1; j <= k; j++) {
          ballWeight[j] += ballWeight[j - 1];
        }
        int j = 0;
        while (j < k - 1 && ballWeight[j + 1] > growth * ballWeight[j]) {
          j++;
        }
        stamp++;
        for (int i = 0; i < members; i++) {
          int z = balls.member(i);
          double d = balls.roundTrip(i);
          if (!carved[z] && d <= (j + 1) * scale) {
            keepPaths(graph, balls, kept, z, outStamp, inStamp, stamp);
            if (d <= j * scale) {
              carved[z] = true;
              carvedList[carvedCount++] = z;
            }
          }
        }
        clusters++;
      }
      for (int i = 0; i < carvedCount; i++) {
        carved[carvedList[i]] = false;
      }
    }
    return new Construction(kept.toGraph(), balls.expandedVertices(), scaleCount, clusters, 0);
  }

  /**
   * Keeps the tree paths from the center to {@code z} and from {@code z} to the center, each
   * stopping where a path of the same cluster (marked with {@code stamp}) already leads on.
   */
  private static void keepPaths(Graph graph, RoundTripBalls balls, KeptEdges kept, int z,
      int[] outStamp, int[] inStamp, int stamp) {
    for (int v = z; outStamp[v] != stamp; ) {
      outStamp[v] = stamp;
      int e = balls.outTreeEdge(v);
      if (e < 0) {
        break;
      }
      kept.keep(e);
      v = graph.source(e);
    }
    for (int v = z; inStamp[v] != stamp; ) {
      inStamp[v] = stamp;
      int e = balls.inTreeEdge(v);
      if (e < 0) {
        break;
      }
      kept.keep(e);
      v = graph.target(e);
    }
  }
}
