package dev.lathe.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.api.data.DocumentSplit.Part;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSplitsTest {

  /** Documents d0 … d{n-1}, each one line "common wK", where K is the document number. */
  private static Corpus corpus(int n) {
    List<Document> docs = new ArrayList<>();
    for (int k = n - 1; k >= 0; k--) {
      docs.add(new Document("d" + k, List.of(List.of("common", "w" + k))));
    }
    return Corpus.of(docs);
  }

  @Test
  void theDefaultSplitSendsEveryTenthDocumentFromTheNinthToValidAndFromTheTenthToTest() {
    Corpus corpus = corpus(25);
    assertEquals(List.of("d8", "d18"), names(corpus.part(DocumentSplit.DEFAULT, Part.VALID)));
    assertEquals(List.of("d9", "d19"), names(corpus.part(DocumentSplit.DEFAULT, Part.TEST)));
    assertEquals(21, corpus.part(DocumentSplit.DEFAULT, Part.TRAIN).documents().size());
    assertEquals(Part.TRAIN, new DocumentSplit(3, 1, 0).partOf(6));
    assertEquals(Part.VALID, new DocumentSplit(3, 1, 0).partOf(7));
  }

  @Test
  void theVocabularyComesFromTrainingDocumentsOnly() {
    TokenSplits splits = TokenSplits.of(corpus(20), DocumentSplit.DEFAULT, 1, Integer.MAX_VALUE);
    Vocabulary v = splits.vocabulary();
    assertEquals(2 + 1 + 16, v.size());
    assertEquals(0, v.id("w8"), "a word seen only in validation is unknown");
    int common = v.id("common");
    assertArrayEquals(new int[] {common, 0, 1, common, 0, 1}, splits.valid());
    assertEquals(0.5 * 2 / 3, splits.unknownRate(Part.TEST), 1e-12);
    assertEquals(0, splits.unknownRate(Part.TRAIN));
    assertEquals(16 * 3, splits.train().length);
  }

  @Test
  void aCorpusTooSmallForTheSplitIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TokenSplits.of(corpus(9), DocumentSplit.DEFAULT, 1, 100));
    assertEquals("split 8:1:1 leaves the test part empty: the corpus has 9 documents, it needs "
        + "at least 10", e.getMessage());
    assertEquals(3, TokenSplits.of(corpus(9), new DocumentSplit(8, 1, 0), 1, 100).valid().length);
    assertThrows(IllegalArgumentException.class, () -> new DocumentSplit(0, 1, 1));
  }

  private static List<String> names(Corpus c) {
    return c.documents().stream().map(Document::name).toList();
  }
}
