package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * The light-vertex branch of the recursive construction of Pachocki, Roditty, Sidford, Tov and
 * Vassilevska Williams (SODA 2018), which splits a region of the vertices into smaller regions
 * before round-trip balls are carved in them.
 *
 * <p>In a region {@code U}, the size of every vertex's out-ball {@code {y : d_U(v→y) ≤ ρ}} and
 * in-ball is estimated by sampling: {@code t} vertices of {@code U} are drawn uniformly with
 * replacement and a bounded search of radius {@code ρ} runs from each in both directions; a vertex
 * is <em>out-light</em> if at most {@code t/2} of the samples lie in its out-ball (its out-ball
 * then holds about half of {@code U} or less), <em>in-light</em> likewise. The out-light vertices
 * are the centers of a clustering by exponentially shifted distances (Miller, Peng and Xu): each
 * center {@code v} draws {@code δ_v = min(Exp(μ), ρ)}, and every vertex {@code u} joins the center
 * that maximises {@code δ_v − d_U(v→u)} if that value is at least 0 (one multi-root search). The
 * in-light vertices left over are clustered the same way over in-edges. Each cluster lies in a
 * one-directional ball of radius {@code ρ} of a light vertex, so it holds at most about half of
 * {@code U}; it becomes a region of its own and is split again. A cluster larger than
 * {@code 3/4·|U|} (a wrong estimate) and the vertices no cluster took stay unsplit.
 *
 * <p>A cycle {@code C} of length {@code δ} inside {@code U} is split by one clustering with
 * probability at most {@code 1 − e^{−δ/μ} ≤ δ/μ} (plus the truncation of the shifts): the values
 * {@code δ_v − d_U(v→u)} of two vertices of {@code C} differ by at most {@code δ} for every center,
 * so {@code C} ends in one cluster (or in none) unless the largest two of these values, together
 * with 0, lie within {@code δ}, which the memoryless shifts make unlikely. Regions shrink by a
 * factor of {@code 3/4} at least, so a vertex meets at most {@code 2·⌈log_{4/3} n⌉}
 * clusterings. The estimates only decide which vertices are centers, which the bound does not
 * depend on: a wrong estimate costs time, never stretch. The derivation and the constants are in
 * {@code docs/reproductions/spanner.md}.
 */
final class LightVertexPartition {

  private final BoundedSearch out;
  private final BoundedSearch in;
  private final boolean[] source;
  private final int[] outHits;
  private final int[] inHits;
  private final int[] clusterLabel;
  private final int[] clusterSize;
  private int[] centers = new int[16];
  private double[] starts = new double[16];
  private long clusters;

  /**
   * @param sources the vertices whose regions matter: a region without one is left unsplit
   */
  LightVertexPartition(Graph graph, int[] sources) {
    int n = graph.vertexCount();
    this.out = new BoundedSearch(graph, true);
    this.in = new BoundedSearch(graph, false);
    this.source = new boolean[n];
    for (int x : sources) {
      source[x] = true;
    }
    this.outHits = new int[n];
    this.inHits = new int[n];
    this.clusterLabel = new int[n];
    this.clusterSize = new int[n];
  }

  /**
   * Draws {@code samples} of the {@code count} first {@code vertices}, uniformly with
   * replacement.
   */
  static int[] draw(int[] vertices, int count, int samples, SplittableRandom random) {
    int[] drawn = new int[samples];
    for (int j = 0; j < samples; j++) {
      drawn[j] = vertices[random.nextInt(count)];
    }
    return drawn;
  }

  /**
   * Estimates the one-directional ball sizes of the {@code count} first {@code vertices}, which
   * form one region of {@code region}, from the vertices {@code samples} drawn from them: stores,
   * for every vertex {@code v} of the region, how many samples lie within {@code radius} of
   * {@code v} in its out-ball ({@code outHits[v]}) and in its in-ball ({@code inHits[v]}),
   * counting a sample drawn twice twice. With the same samples the counts grow with the radius.
   * Once every vertex is heavy in both directions the remaining samples are skipped (the counts
   * are then partial; only the answer 0 matters).
   *
   * @return the number of vertices that are out-light or in-light
   */
  int estimate(int[] vertices, int count, int[] region, double radius, int[] samples,
      int[] outHits, int[] inHits) {
    for (int i = 0; i < count; i++) {
      outHits[vertices[i]] = 0;
      inHits[vertices[i]] = 0;
    }
    int t = samples.length;
    int undecided = count;
    for (int y : samples) {
      // v reaches y within the radius: y lies in the out-ball of v.
      in.start(y, region, radius);
      in.settleAll();
      for (int i = 0, touched = in.touchedCount(); i < touched; i++) {
        int v = in.touchedVertex(i);
        if (!light(++outHits[v], t) && light(outHits[v] - 1, t) && !light(inHits[v], t)) {
          undecided--;
        }
      }
      out.start(y, region, radius);
      out.settleAll();
      for (int i = 0, touched = out.touchedCount(); i < touched; i++) {
        int v = out.touchedVertex(i);
        if (!light(++inHits[v], t) && light(inHits[v] - 1, t) && !light(outHits[v], t)) {
          undecided--;
        }
      }
      if (undecided == 0) {
        // Counts only grow: no vertex can be light any more.
        return 0;
      }
    }
    int light = 0;
    for (int i = 0; i < count; i++) {
      int v = vertices[i];
      if (light(outHits[v], samples.length) || light(inHits[v], samples.length)) {
        light++;
      }
    }
    return light;
  }

  /** Whether a ball that holds {@code hits} of {@code samples} samples counts as light. */
  static boolean light(int hits, int samples) {
    return 2L * hits <= samples;
  }

  /**
   * Splits the region of {@code vertices} (all labelled {@code region[vertices[0]]}) recursively
   * by the light-vertex clusterings, relabelling {@code region}: every final region gets a label
   * of its own, from {@code nextLabel} on; the vertices no cluster took keep the old label.
   *
   * @param topOutHits the out-ball estimate of {@code vertices} in the whole region, from
   *     {@code samples} samples at {@code radius} (made once per scale by {@link #estimate})
   * @param topInHits the in-ball estimate, likewise
   * @param samples how many samples each estimate of a smaller region draws
   * @param meanShift the mean {@code μ} of the exponential shifts
   * @param radius {@code ρ}: the estimates' radius and the truncation of the shifts
   * @return the next free label
   */
  int split(int[] vertices, int[] region, int nextLabel, int[] topOutHits, int[] topInHits,
      int samples, double meanShift, double radius, SplittableRandom random) {
    if (vertices.length < 2 || !holdsSource(vertices)) {
      return nextLabel;
    }
    Deque<int[]> pending = new ArrayDeque<>();
    int label = splitOnce(vertices, region, nextLabel, topOutHits, topInHits, samples,
        meanShift, radius, random, pending);
    while (!pending.isEmpty()) {
      int[] part = pending.pop();
      if (part.length >= 2 && holdsSource(part)
          && estimate(part, part.length, region, radius,
              draw(part, part.length, samples, random), outHits, inHits) > 0) {
        label = splitOnce(part, region, label, outHits, inHits, samples, meanShift, radius,
            random, pending);
      }
    }
    return label;
  }

  /**
   * Clusters {@code part} around its out-light vertices, then the rest around its in-light
   * ones; pushes the clusters that hold at most {@code 3/4} of {@code part} onto
   * {@code pending}.
   */
  private int splitOnce(int[] part, int[] region, int nextLabel, int[] outEstimate,
      int[] inEstimate, int samples, double meanShift, double radius, SplittableRandom random,
      Deque<int[]> pending) {
    int original = region[part[0]];
    int label = cluster(true, part, region, original, nextLabel, outEstimate, samples,
        meanShift, radius, random);
    label = cluster(false, part, region, original, label, inEstimate, samples, meanShift,
        radius, random);
    int first = nextLabel;
    int count = label - first;
    Arrays.fill(clusterSize, 0, count, 0);
    for (int v : part) {
      if (region[v] != original) {
        clusterSize[region[v] - first]++;
      }
    }
    int[][] parts = new int[count][];
    for (int c = 0; c < count; c++) {
      parts[c] = new int[clusterSize[c]];
      clusterSize[c] = 0;
    }
    for (int v : part) {
      if (region[v] != original) {
        int c = region[v] - first;
        parts[c][clusterSize[c]++] = v;
      }
    }
    for (int[] cluster : parts) {
      if (4L * cluster.length <= 3L * part.length) {
        pending.push(cluster);
      }
    }
    return label;
  }

  /**
   * One clustering of the vertices of {@code part} still labelled {@code original}, around those
   * that are light in one direction; labels the clusters from {@code nextLabel} on and returns
   * the next free label.
   */
  private int cluster(boolean outward, int[] part, int[] region, int original, int nextLabel,
      int[] hits, int samples, double meanShift, double radius, SplittableRandom random) {
    int count = 0;
    for (int v : part) {
      if (region[v] == original && light(hits[v], samples)) {
        if (count == centers.length) {
          centers = Arrays.copyOf(centers, 2 * count);
          starts = Arrays.copyOf(starts, 2 * count);
        }
        centers[count] = v;
        double shift = Math.min(-meanShift * Math.log(1 - random.nextDouble()), radius);
        starts[count++] = radius - shift;
      }
    }
    if (count == 0) {
      return nextLabel;
    }
    BoundedSearch search = outward ? out : in;
    search.startFromMany(centers, starts, count, region, radius);
    search.settleAll();
    for (int i = 0; i < count; i++) {
      clusterLabel[centers[i]] = -1;
    }
    int next = nextLabel;
    for (int i = 0, t = search.touchedCount(); i < t; i++) {
      int v = search.touchedVertex(i);
      if (search.isSettled(v)) {
        int center = search.origin(v);
        if (clusterLabel[center] < 0) {
          clusterLabel[center] = next++;
          clusters++;
        }
        region[v] = clusterLabel[center];
      }
    }
    return next;
  }

  private boolean holdsSource(int[] part) {
    for (int v : part) {
      if (source[v]) {
        return true;
      }
    }
    return false;
  }

  /** The clusters formed so far. */
  long clusters() {
    return clusters;
  }
}
