package dev.lathe.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  /** a ×4, b ×3, c ×3, d ×2, e ×1 over three lines. */
  private static final Corpus CORPUS = Corpus.of(List.of(
      new Document("one", List.of(List.of("a", "b", "c", "a"), List.of("d", "e"))),
      new Document("two", List.of(List.of("c", "a", "b", "d", "c", "b", "a")))));

  @Test
  void unknownAndEndOfLineComeFirstThenTokensByFrequencyThenAlphabet() {
    Vocabulary v = Vocabulary.build(CORPUS, 1, Integer.MAX_VALUE);
    assertEquals(7, v.size());
    assertEquals(List.of("<unk>", "<eos>", "a", "b", "c", "d", "e"),
        java.util.stream.IntStream.range(0, v.size()).mapToObj(v::token).toList());
    assertEquals(0, v.count(0));
    assertEquals(3, v.count(1), "one end-of-line per line");
    assertEquals(4, v.count(2));
    assertEquals(3, v.count(4), "c ties with b and follows it");
  }

  @Test
  void theFrequencyCutoffSendsRareTokensToUnknown() {
    Vocabulary v = Vocabulary.build(CORPUS, 3, Integer.MAX_VALUE);
    assertEquals(5, v.size());
    assertFalse(v.contains("d"));
    assertEquals(0, v.id("d"));
    assertEquals(0, v.id("never seen"));
    assertEquals(2 + 1, v.count(0), "two d and one e are unknown");
  }

  @Test
  void theSizeLimitCountsTheReservedEntriesAndKeepsTheMostFrequent() {
    Vocabulary v = Vocabulary.build(CORPUS, 1, 4);
    assertEquals(4, v.size());
    assertTrue(v.contains("a"));
    assertTrue(v.contains("b"));
    assertFalse(v.contains("c"));
    assertEquals(3 + 2 + 1, v.count(0));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(CORPUS, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(CORPUS, 0, 10));
  }

  @Test
  void encodingPutsEndOfLineAfterEveryLine() {
    Vocabulary v = Vocabulary.build(CORPUS, 3, Integer.MAX_VALUE);
    int a = v.id("a");
    int b = v.id("b");
    int c = v.id("c");
    assertArrayEquals(new int[] {a, b, c, a, 1, 0, 0, 1, c, a, b, 0, c, b, a, 1}, v.encode(CORPUS));
  }
}
