package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The source-wise round-trip spanner of arXiv:2004.05721 (stretch O(k log n), size
 * O(n·s^{1/k}·log²n), time O(m·s^{1/k}·log⁵n), all with high probability), re-derived from
 * the recursive construction of Pachocki, Roditty, Sidford, Tov and Vassilevska Williams
 * (SODA 2018) with {@code s^{1/k}} in place of {@code n^{1/k}}; the derivation and every
 * constant are in {@code docs/reproductions/spanner.md}.
 *
 * <p>For each scale {@code R = w_min·2^i} and each of {@code ρ = ⌈c·ln n / p⌉} repetitions, with
 * {@code p = min(1/2, s^{-1/k})}: split the components by the light-vertex branch
 * ({@link LightVertexPartition}: clusters of exponentially shifted one-directional distances
 * around the vertices whose estimated in- or out-ball of radius {@code (c+2)·μ_l·ln n} holds at
 * most half of their region, recursively); then visit the sources in a random order; from each
 * source still uncarved, cut the round-trip ball of radius {@code r = min(Exp(μ), r_max)} in the
 * graph of the uncarved vertices of its region, {@code μ = R / ln(1/p)},
 * {@code r_max = (c+1)·μ·ln n}, keep its in- and out-shortest-path trees, and carve it away. A
 * pair {@code (x, v)} with {@code R/2 < d(x,v) ≤ R} is separated by the carving of one
 * repetition with probability at most {@code 1 − p} (memoryless radius) and by the splitting with
 * probability at most 1/2 ({@code μ_l} is chosen so), so it shares a ball in some repetition with
 * probability at least {@code 1 − n^{-c}} when the repetitions of a scale that splits are
 * doubled; then {@code d_H(x,v) ≤ 2·r_max ≤ 4(c+1)·ln n/ln(1/p)·d(x,v)} =
 * O(k log n / log s)·d(x,v) — the stretch bound holds with high probability; pairs at round-trip
 * distance 0 are kept exactly by a radius-0 ball around every source. Size: at most
 * {@code 2n} tree edges per repetition, so O(n·s^{1/k}·log n·log(nW)) edges. A component whose
 * one-directional distances are all below the estimates' radius has no light vertex and is not
 * split (no randomness is drawn for it, so there the result is that of the carving alone).
 */
final class CarvingRoundTripSpanner extends SourcewiseSpanner {

  private final int k;
  private final double confidence;
  private final long seed;
  private final boolean lightVertices;

  /**
   * The construction with its light-vertex branch.
   *
   * @param k the trade-off parameter, {@code ≥ 1}
   * @param confidence {@code c}: each pair is missed at its scale with probability
   *     {@code ≤ n^{-c}}
   */
  CarvingRoundTripSpanner(int sourceCount, int k, double confidence, long seed) {
    this(sourceCount, k, confidence, seed, true);
  }

  /**
   * @param lightVertices whether components are split by the light-vertex branch before balls
   *     are carved ({@code false}: the carving alone, for comparison)
   */
  CarvingRoundTripSpanner(int sourceCount, int k, double confidence, long seed,
      boolean lightVertices) {
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
    this.lightVertices = lightVertices;
  }

  @Override
  String method() {
    return lightVertices ? "roundtrip" : "carving";
  }

  /** The probability {@code p} with which one repetition keeps a pair at its scale together. */
  double joinProbability(int s) {
    return Math.min(0.5, Math.pow(s, -1.0 / k));
  }

  /** The number of repetitions per scale, {@code ⌈c·ln n / p⌉}. */
  int repetitions(int n, int s) {
    return repetitions(n, s, false);
  }

  /**
   * The number of repetitions of a scale: {@code ⌈c·ln n / p⌉}, or {@code ⌈2c·ln n / p⌉} where
   * the light-vertex branch splits components, since its clusterings cut a pair of the scale
   * with probability at most 1/2.
   */
  int repetitions(int n, int s, boolean split) {
    double join = split ? joinProbability(s) / 2 : joinProbability(s);
    return (int) Math.ceil(confidence * logN(n) / join);
  }

  @Override
  double stretchBound(int n, int s) {
    return 4 * (confidence + 1) * logN(n) / Math.log(1 / joinProbability(s));
  }

  private static double logN(int n) {
    return Math.log(Math.max(n, 2));
  }

  /**
   * The number of clusterings a vertex can meet in one repetition: two per level of the
   * light-vertex recursion, whose regions shrink by {@code 3/4} at least.
   */
  static int clusterings(int n) {
    return 2 * (int) Math.ceil(logN(n) / Math.log(4.0 / 3));
  }

  /**
   * The mean shift {@code μ_l = 2·clusterings(n)·R} of the light-vertex clusterings at scale
   * {@code R}: a pair of the scale is split by one of them with probability at most
   * {@code R/μ_l}, by any of them with probability at most 1/2.
   */
  static double lightMeanShift(int n, double scale) {
    return 2.0 * clusterings(n) * scale;
  }

  /**
   * The radius {@code ρ = (c+2)·μ_l·ln n} of the ball-size estimates and the truncation of the
   * shifts: all shifts of a clustering stay below it with probability {@code ≥ 1 − n^{−(c+1)}}.
   */
  double lightRadius(int n, double scale) {
    return (confidence + 2) * lightMeanShift(n, scale) * logN(n);
  }

  /** The samples {@code t = ⌈4·ln n⌉} of one ball-size estimate. */
  static int lightSamples(int n) {
    return (int) Math.ceil(4 * logN(n));
  }

  @Override
  Construction build(Graph graph, int[] sources) {
    int n = graph.vertexCount();
    KeptEdges kept = new KeptEdges(graph);
    if (n == 0 || sources.length == 0) {
      return new Construction(kept.toGraph(), 0, 0, 0, 0);
    }
    int s = sources.length;
    RoundTripBalls balls = new RoundTripBalls(graph);
    RoundTripScales scales = RoundTripScales.of(graph, sources, balls);
    int[] components = scales.components();
    int[] region = components.clone();
    long clusters = 0;
    if (scales.hasZeroWeights()) {
      for (int x : sources) {
        kept.keepTrees(balls, balls.grow(x, region, 0));
        clusters++;
      }
    }
    double logOneOverP = Math.log(1 / joinProbability(s));
    SplittableRandom random = new SplittableRandom(seed);
    SplittableRandom lightRandom = new SplittableRandom(seed).split();
    LightVertexPartition partition = null;
    int[][] sourceComponents = sourceComponents(sources, components);
    int samples = lightSamples(n);
    int[][] componentSamples = new int[sourceComponents.length][];
    boolean[] stillLight = new boolean[sourceComponents.length];
    Arrays.fill(stillLight, true);
    int[] order = sources.clone();
    int[] carved = new int[n];
    int scaleCount = 0;
    for (double scale = scales.smallestPositiveWeight(); scale <= 2 * scales.largestBound();
        scale *= 2) {
      scaleCount++;
      double mean = scale / logOneOverP;
      double maxRadius = (confidence + 1) * mean * logN(n);
      double lightRadius = lightRadius(n, scale);
      List<Split> split = new ArrayList<>();
      for (int c = 0; c < sourceComponents.length; c++) {
        int[] component = sourceComponents[c];
        double bound = scales.diameterBound(components[component[0]]);
        if (lightVertices && stillLight[c] && 2 * bound >= scale && 2 * lightRadius < bound) {
          if (partition == null) {
            partition = new LightVertexPartition(graph, sources);
          }
          if (componentSamples[c] == null) {
            componentSamples[c] = LightVertexPartition.draw(component, component.length,
                samples, lightRandom);
          }
          int[] outHits = new int[n];
          int[] inHits = new int[n];
          // The same samples at a larger radius count at least as many hits: once no vertex is
          // light, none is at the larger scales.
          stillLight[c] = partition.estimate(component, component.length, region, lightRadius,
              componentSamples[c], outHits, inHits) > 0;
          if (stillLight[c]) {
            split.add(new Split(component, outHits, inHits));
          }
        }
      }
      int repetitions = repetitions(n, s, !split.isEmpty());
      for (int rep = 0; rep < repetitions; rep++) {
        int label = components.length;
        for (Split component : split) {
          label = partition.split(component.vertices(), region, label, component.outHits(),
              component.inHits(), samples, lightMeanShift(n, scale), lightRadius, lightRandom);
        }
        shuffle(order, random);
        int carvedCount = 0;
        for (int center : order) {
          if (region[center] < 0 || 2 * scales.diameterBound(components[center]) < scale) {
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
        for (int i = 0; i < carvedCount; i++) {
          region[carved[i]] = components[carved[i]];
        }
        for (Split component : split) {
          for (int v : component.vertices()) {
            region[v] = components[v];
          }
        }
      }
    }
    return new Construction(kept.toGraph(), balls.expandedVertices(), scaleCount, clusters,
        partition == null ? 0 : partition.clusters());
  }

  /** A component that the light-vertex branch splits at one scale, with its estimates. */
  private record Split(int[] vertices, int[] outHits, int[] inHits) {}

  /** The vertices of every strongly connected component that holds a source. */
  private static int[][] sourceComponents(int[] sources, int[] components) {
    int count = 0;
    for (int c : components) {
      count = Math.max(count, c + 1);
    }
    int[] size = new int[count];
    for (int c : components) {
      size[c]++;
    }
    int[][] vertices = new int[count][];
    List<int[]> withSource = new ArrayList<>();
    for (int x : sources) {
      int c = components[x];
      if (vertices[c] == null) {
        vertices[c] = new int[size[c]];
        size[c] = 0;
        withSource.add(vertices[c]);
      }
    }
    for (int v = 0; v < components.length; v++) {
      int[] list = vertices[components[v]];
      if (list != null) {
        list[size[components[v]]++] = v;
      }
    }
    return withSource.toArray(new int[0][]);
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
