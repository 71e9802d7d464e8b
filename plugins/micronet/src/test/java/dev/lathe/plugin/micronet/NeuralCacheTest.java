package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The continuous cache: a hand computation, the graph's differentiable cache, the search. */
class NeuralCacheTest {

  /**
   * One row of four positions with 1-wide hidden states 1, 2, 1, 3 and targets 5, 6, 5, 6;
   * the model gives every target probability 0.1.
   */
  private static LanguageModel.Scored handMade() {
    double log = Math.log(0.1);
    return new LanguageModel.Scored(1, 4, new double[] {log, log, log, log},
        new double[] {log, log, log, log}, new float[] {1, 2, 1, 3}, new int[] {5, 6, 5, 6}, 1);
  }

  @Test
  void theCacheProbabilityIsTheSoftmaxMassOfEarlierPositionsWithTheSameTarget() {
    NeuralCache cache = new NeuralCache(handMade(), 2);
    assertEquals(0, cache.cacheProbability(0, 1.0), "nothing before the first position");
    assertEquals(0, cache.cacheProbability(1, 1.0), "position 0's target differs");
    // Position 2 (h 1, target 5) sees positions 0 (h 1, target 5) and 1 (h 2, target 6):
    // softmax(θ·[1, 2]) at θ = 0.5 gives position 0 the weight 1 / (1 + e^0.5).
    assertEquals(1 / (1 + Math.exp(0.5)), cache.cacheProbability(2, 0.5), 1e-12);
    // Position 3 (h 3, target 6) sees positions 1 (h 2, target 6) and 2 (h 1, target 5), not 0.
    assertEquals(Math.exp(6.0) / (Math.exp(6.0) + Math.exp(3.0)), cache.cacheProbability(3, 1.0),
        1e-12);
    double p = 0.2 / (1 + Math.exp(0.5)) + 0.8 * 0.1;
    assertEquals(Math.log(p), cache.logProb(2, 0.2, 0.5), 1e-9);
  }

  @Test
  void theSearchNeverDoesWorseThanItsStartAndFindsTheCacheUseful() {
    NeuralCache cache = new NeuralCache(handMade(), 2);
    double start = cache.perplexity(0.07, 0.016);
    NeuralCache.Search search = cache.coordinateSearch(0.07, 0.016);
    assertTrue(search.perplexity() <= start);
    assertEquals(search.perplexity(), cache.perplexity(search.lambda(), search.theta()), 1e-12);
    assertEquals(0.4, search.lambda(), "repeated targets: the largest λ of the grid wins");
    assertTrue(cache.perplexity(0, 1) > search.perplexity());
    assertEquals(10, cache.perplexity(0, 1), 1e-9, "λ = 0 is the model alone");
  }

  @Test
  void theGraphsDifferentiableCacheComputesTheSameProbabilities() {
    LanguageModel lm = new LanguageModel(LanguageModelTest.tiny(5), 11);
    LanguageModel.Scored scored = lm.score(LanguageModelTest.stream(200), 3);
    NeuralCache cache = new NeuralCache(scored, 5);
    double[] java = new double[scored.tokens()];
    for (int t = 0; t < java.length; t++) {
      java[t] = cache.logProb(t, lm.lambda(), lm.theta());
    }
    assertEquals(LanguageModel.INITIAL_LAMBDA, lm.lambda(), 1e-6);
    assertEquals(LanguageModel.INITIAL_THETA, lm.theta(), 1e-6);
    assertArrayEquals(java, scored.logProb(), 1e-4);
  }

  @Test
  void trainingTheCacheMovesLambdaAndTheta() {
    LanguageModel lm = new LanguageModel(LanguageModelTest.tiny(5), 11);
    LanguageModel.Batches batches = new LanguageModel.Batches(LanguageModelTest.stream(400), 2,
        6);
    for (int step = 0; step < 5; step++) {
      lm.step(batches.inputs(step), batches.targets(step), 1e-2);
    }
    assertTrue(lm.lambda() != LanguageModel.INITIAL_LAMBDA
        && Math.abs(lm.theta() - LanguageModel.INITIAL_THETA) > 1e-6,
        lm.lambda() + ", " + lm.theta());
  }
}
