package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import java.util.SplittableRandom;

/**
 * The source-wise round-trip spanner of arXiv:2004.05721 (stretch O(k log n), size
 * O(n·s^{1/k}·log²n), time O(m·s^{1/k}·log⁵n), all with high probability), re-derived from the recursive construction of Pachocki, Roditty, Sidford, Tov and Vassilevska
 * Williams (SODA 2018) with {@code s^{1/k}} in place of {@code n^{1/k}}; the derivation and every
 * constant are in {@code docs/reproductions/spanner.md}.
 *
 * <p>For each scale {@code R = w_min·2^i} and each of {@code ρ = ⌈c·ln n / p⌉} repetitions, with
 * {@code p = min(1/2, s^{-1/k})}: visit the sources in a random order; from each source still
 * uncarved, cut the round-trip ball of radius {@code r = min(Exp(μ), r_max)} in the graph of the
 * uncarved vertices, {@code μ = R / ln(1/p)}, {@code r_max = (c+1)·μ·ln n}, keep its in- and
 * out-shortest-path trees, and carve it away. A pair {@code (x, v)} with {@code R/2 < d(x,v) ≤ R}
 * is cut apart in one repetition with probability at most {@code 1 − p} (memoryless radius), so
 * it shares a ball in some repetition with probability at least {@code 1 − n^{-c}}; then
 * {@code d_H(x,v) ≤ 2·r_max ≤ 4(c+1)·ln n/ln(1/p)·d(x,v)} =
 * O(k log n / log s)·d(x,v) — the stretch bound holds with high probability; pairs at round-trip
 * distance 0 are kept exactly by a radius-0 ball around every source. Size: at most
 * {@code 2n} tree edges per repetition, so O(n·s^{1/k}·log n·log(nW)) edges. Time: each ball
 * costs the smaller of its one-directional balls (see {@link RoundTripBalls}).
 */
final class CarvingRoundTripSpanner extends SourcewiseSpanner {

  private final int k;
  private final double confidence;
  private final long seed;

  /**
   * @param k the trade-off parameter, {@code ≥ 1}
   * @param confidence {@code c}: each pair is missed at its scale with probability
   *     {@code ≤ n^{-c}}
   */
  CarvingRoundTripSpanner(int sourceCount, int k, double confidence, long seed) {
    super(sourceCount);
    if (k < 1) {
      throw new IllegalArgumentException("plugin 'spanner': k must be >= 1, got " + k);
    }
    if (!(confidence > 0)) {
      throw new IllegalArgumentException("plugin 'spanner': confidence must be > 0, got "
          + confidence);
    }
    this.k = k;
    this.confidence = confidence;
    this.seed = seed;
  }

  @Override
  String method() {
    return "roundtrip";
  }

  /** The probability {@code p} with which one repetition keeps a pair at its scale together. */
  double joinProbability(int s) {
    return Math.min(0.5, Math.pow(s, -1.0 / k));
  }

  /** The number of repetitions per scale, {@code ⌈c·ln n / p⌉}. */
  int repetitions(int n, int s) {
    return (int) Math.ceil(confidence * logN(n) / joinProbability(s));
  }

  @Override
  double stretchBound(int n, int s) {
    return 4 * (confidence + 1) * logN(n) / Math.log(1 / joinProbability(s));
  }

  private static double logN(int n) {
    return Math.log(Math.max(n, 2));
  }

  @Override
  Construction build(Graph graph, int[] sources) {
    int n = graph.vertexCount();
    KeptEdges kept = new KeptEdges(graph);
    if (n == 0 || sources.length == 0) {
      return new Construction(kept.toGraph(), 0, 0, 0);
    }
    int s = sources.length;
    RoundTripBalls balls = new RoundTripBalls(graph);
    RoundTripScales scales = RoundTripScales.of(graph, sources, balls);
    int[] region = scales.components().clone();
    long clusters = 0;
    if (scales.hasZeroWeights()) {
      for (int x : sources) {
        kept.keepTrees(balls, balls.grow(x, region, 0));
        clusters++;
      }
    }
    double logOneOverP = Math.log(1 / joinProbability(s));
    int repetitions = repetitions(n, s);
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = sources.clone();
    int[] carved = new int[n];
    int scaleCount = 0;
    for (double scale = scales.smallestPositiveWeight(); scale <= 2 * scales.largestBound();
        scale *= 2) {
      scaleCount++;
      double mean = scale / logOneOverP;
      double maxRadius = (confidence + 1) * mean * logN(n);
      for (int rep = 0; rep < repetitions; rep++) {
        shuffle(order, random);
        int carvedCount = 0;
        for (int center : order) {
          if (region[center] < 0 || 2 * scales.diameterBound(region[center]) < scale) {
            continue;
          }
          double radius = Math.min(-mean * Math.log(1 - random.nextDouble()), maxRadius);
          int members = balls.grow(center, region, radius);
          kept.keepTrees(balls, members);
          clusters++;
          for (int i = 0; i < members; i++) {
            int z = balls.member(i);
            carved[carvedCount++] = z;
            region[z] = -1;
          }
        }
        int[] components = scales.components();
        for (int i = 0; i < carvedCount; i++) {
          region[carved[i]] = components[carved[i]];
        }
      }
    }
    return new Construction(kept.toGraph(), balls.expandedVertices(), scaleCount, clusters);
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
