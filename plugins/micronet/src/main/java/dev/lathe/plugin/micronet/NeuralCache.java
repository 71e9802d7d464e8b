package dev.lathe.plugin.micronet;

import java.util.List;

/**
 * The continuous cache (Grave, Joulin & Usunier, arXiv:1612.04426) of a scored stream,
 * evaluated outside the graph for any mixing weight {@code λ} and inverse temperature
 * {@code θ}: the probability of the target at a position is {@code λ·p_cache + (1 − λ)·p_model},
 * {@code p_cache} the softmax of {@code θ·h_t·h_s} over the previous {@code size} positions
 * {@code s} of the same row, summed over those whose target is the same word. The same rule as
 * {@link LanguageModel}'s differentiable cache; here it serves the MicroNet LM's post-hoc
 * coordinate search over {@code (λ, θ)} on validation text. The dot products are computed
 * once ({@code O(n·size·d)}); each evaluation then costs {@code O(n·size)}.
 */
final class NeuralCache {

  /** The λ values the search tries. */
  static final List<Double> LAMBDAS = List.of(0.0, 0.02, 0.05, 0.08, 0.12, 0.16, 0.2, 0.25,
      0.3, 0.4);
  /** The factors of θ the search tries around the current θ. */
  static final List<Double> THETA_FACTORS = List.of(0.25, 0.5, 0.7, 1.0, 1.4, 2.0, 4.0);
  /** Rounds of the coordinate search (λ then θ in each). */
  static final int ROUNDS = 3;

  private final LanguageModel.Scored scored;
  private final int size;
  private final float[] dots;
  private final boolean[] match;
  private final int[] keys;

  /** The cache of {@code size} positions over {@code scored}. */
  NeuralCache(LanguageModel.Scored scored, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a cache needs at least 1 entry, got " + size);
    }
    this.scored = scored;
    this.size = size;
    int n = scored.tokens();
    int d = scored.dModel();
    this.dots = new float[n * size];
    this.match = new boolean[n * size];
    this.keys = new int[n];
    float[] h = scored.hidden();
    for (int r = 0; r < scored.rows(); r++) {
      for (int p = 0; p < scored.length(); p++) {
        int t = r * scored.length() + p;
        int first = Math.max(0, p - size);
        keys[t] = p - first;
        for (int j = 0; j < keys[t]; j++) {
          int s = r * scored.length() + first + j;
          double dot = 0;
          for (int k = 0; k < d; k++) {
            dot += (double) h[t * d + k] * h[s * d + k];
          }
          dots[t * size + j] = (float) dot;
          match[t * size + j] = scored.targets()[s] == scored.targets()[t];
        }
      }
    }
  }

  /** The cache probability of the target at token {@code t} for inverse temperature {@code theta}. */
  double cacheProbability(int t, double theta) {
    if (keys[t] == 0) {
      return 0;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < keys[t]; j++) {
      max = Math.max(max, theta * dots[t * size + j]);
    }
    double total = 0;
    double hit = 0;
    for (int j = 0; j < keys[t]; j++) {
      double e = Math.exp(theta * dots[t * size + j] - max);
      total += e;
      if (match[t * size + j]) {
        hit += e;
      }
    }
    return hit / total;
  }

  /** The log-probability of the target at token {@code t} with the cache mixed in. */
  double logProb(int t, double lambda, double theta) {
    double model = Math.exp(scored.modelLogProb()[t]);
    return Math.log(lambda * cacheProbability(t, theta) + (1 - lambda) * model
        + Float.MIN_NORMAL);
  }

  /** The perplexity of the stream with the cache mixed in at {@code (λ, θ)}. */
  double perplexity(double lambda, double theta) {
    double sum = 0;
    for (int t = 0; t < scored.tokens(); t++) {
      sum -= logProb(t, lambda, theta);
    }
    return Math.exp(sum / scored.tokens());
  }

  /** The outcome of a search. */
  record Search(double lambda, double theta, double perplexity) {}

  /**
   * The coordinate search from {@code (λ, θ)}: in each of {@value #ROUNDS} rounds, the best λ
   * of {@link #LAMBDAS} at the current θ, then the best θ among the current θ times
   * {@link #THETA_FACTORS} at that λ (ties keep the current value).
   */
  Search coordinateSearch(double lambda, double theta) {
    double bestLambda = lambda;
    double bestTheta = theta;
    double best = perplexity(lambda, theta);
    for (int round = 0; round < ROUNDS; round++) {
      for (double l : LAMBDAS) {
        double p = perplexity(l, bestTheta);
        if (p < best) {
          best = p;
          bestLambda = l;
        }
      }
      double centre = bestTheta;
      for (double factor : THETA_FACTORS) {
        double p = perplexity(bestLambda, centre * factor);
        if (p < best) {
          best = p;
          bestTheta = centre * factor;
        }
      }
    }
    return new Search(bestLambda, bestTheta, best);
  }
}
