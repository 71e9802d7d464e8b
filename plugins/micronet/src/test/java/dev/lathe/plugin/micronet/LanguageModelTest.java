package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The language model's graph: adaptive input and softmax, causal recurrence, training. */
class LanguageModelTest {

  /** 2 layers, d 16, 2 heads of 8, FFN 32, segments of 6, 40 words in bins [0, 10), [10, 25), [25, 40). */
  static MicronetLm tiny(int cache) {
    return new MicronetLm(2, 16, 2, 8, 32, 6, cache, List.of(10, 25), List.of(16, 8, 4), 40, 32,
        List.of(0.0), List.of(1L, 1L, 1L));
  }

  /** A stream with structure: word i is followed by word (3i + 1) mod 40. */
  static int[] stream(int length) {
    int[] ids = new int[length];
    for (int i = 1; i < length; i++) {
      ids[i] = (3 * ids[i - 1] + 1) % 40;
      if (i % 17 == 0) {
        ids[i] = (ids[i] + 7) % 40;
      }
    }
    return ids;
  }

  @Test
  void theAdaptiveSoftmaxIsADistributionOverTheVocabulary() {
    LanguageModel lm = new LanguageModel(tiny(0), 1);
    // Row w reads the same six words and is asked for word w next.
    int[] words = {1, 12, 30, 2, 39, 0};
    int[] stream = new int[40 * 7 + 1];
    for (int w = 0; w < 40; w++) {
      System.arraycopy(words, 0, stream, 7 * w, 6);
      stream[7 * w + 6] = w;
    }
    LanguageModel.Scored scored = lm.score(stream, 40);
    double total = 0;
    for (int w = 0; w < 40; w++) {
      assertEquals(w, scored.targets()[w * 6 + 5]);
      total += Math.exp(scored.modelLogProb()[w * 6 + 5]);
    }
    assertEquals(1.0, total, 1e-4);
    assertArrayEquals(scored.modelLogProb(), scored.logProb(), "without a cache");
  }

  @Test
  void trainingLowersThePerplexityOfAStructuredStream() {
    LanguageModel lm = new LanguageModel(tiny(0), 3);
    int[] train = stream(2_000);
    double before = lm.score(train, 4).perplexity(false);
    LanguageModel.Batches batches = new LanguageModel.Batches(train, 4, 6);
    for (int step = 0; step < 80; step++) {
      int s = step % batches.segments();
      lm.step(batches.inputs(s), batches.targets(s), 1e-2);
    }
    double after = lm.score(train, 4).perplexity(false);
    assertTrue(before > 20 && after < 5, before + " → " + after);
  }
}
