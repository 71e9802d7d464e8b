package dev.lathe.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

  @TempDir
  Path dir;

  @Test
  void plainTextDocumentsComeInNaturalOrderWithBlankLinesDropped() throws Exception {
    Files.writeString(dir.resolve("chapter_10.txt"), "Ten.\n");
    Files.writeString(dir.resolve("chapter_2.txt"), "Call me Ishmael.\n\nSome years ago.\n");
    Files.writeString(dir.resolve("chapter_1.txt"), "One");
    Files.writeString(dir.resolve("notes.md"), "not text of the corpus");
    Files.createDirectory(dir.resolve("sub.txt"));
    Corpus corpus = Corpus.readPlainText(dir, "*.txt");
    assertEquals(List.of("chapter_1", "chapter_2", "chapter_10"),
        corpus.documents().stream().map(Document::name).toList());
    assertEquals(List.of(List.of("call", "me", "ishmael", "."),
        List.of("some", "years", "ago", ".")),
        corpus.documents().get(1).lines());
    assertEquals(1 + 8 + 2, corpus.tokenCount());
  }

  @Test
  void naturalOrderComparesDigitRunsAsNumbers() {
    List<String> names = new java.util.ArrayList<>(List.of("a10", "a2", "a02", "b", "a1x", "a1"));
    names.sort(NaturalOrder.INSTANCE);
    assertEquals(List.of("a1", "a1x", "a02", "a2", "a10", "b"), names);
  }

  @Test
  void stateOfTheUnionAddressesAreOrderedByYear() throws Exception {
    Files.writeString(dir.resolve("1801_thomas_jefferson_dr.txt"), "Fellow Citizens.");
    Files.writeString(dir.resolve("1790_george_washington_n.txt"),
        "Fellow-Citizens of the Senate.");
    Files.writeString(dir.resolve("1790_george_washington_n.json"), "{}");
    Files.writeString(dir.resolve("README.txt"), "not an address");
    Corpus corpus = Corpus.readStateOfTheUnion(dir);
    assertEquals(List.of("1790_george_washington_n", "1801_thomas_jefferson_dr"),
        corpus.documents().stream().map(Document::name).toList());
    assertEquals(List.of(List.of("fellow-citizens", "of", "the", "senate", ".")),
        corpus.documents().get(0).lines());
  }

  @Test
  void aFolderWithoutAddressesIsNamed() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "x");
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> Corpus.readStateOfTheUnion(dir));
    assertEquals(dir + ": holds no address named YEAR_PRESIDENT_PARTY.txt", e.getMessage());
  }

  @Test
  void brownSentencesLoseTheirTagsAndKeepTheirTokens() throws Exception {
    Corpus corpus = Corpus.readBrown(Resources.path("brown"));
    assertEquals(List.of("ca01", "cb02"), corpus.documents().stream().map(Document::name).toList());
    assertEquals(List.of(
        List.of("the", "cat", "sat", "on", "the", "mat", "."),
        List.of("it", "was", "4-1/2", "feet", "long", ".")), corpus.documents().get(0).lines());
    assertEquals(17, corpus.tokenCount());
  }

  @Test
  void aBrownTokenWithoutATagNamesFileAndLine() throws Exception {
    Path file = dir.resolve("ca02");
    Files.writeString(file, "\n\tThe/at cat/nn\n\n\tsat on/in\n");
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> Corpus.readBrown(dir));
    assertEquals(file + ":4: token 'sat' is not of the form word/TAG", e.getMessage());
    assertEquals(4, e.line());
  }

  @Test
  void aFileThatIsNotUtf8IsNamed() throws Exception {
    Path file = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> Corpus.readPlainText(dir, "*.txt"));
    assertEquals(file + ": is not valid UTF-8 text", e.getMessage());
  }

  @Test
  void documentNamesAreUniqueAndLinesNonEmpty() {
    Document a = new Document("a", List.of(List.of("x")));
    assertThrows(IllegalArgumentException.class, () -> Corpus.of(List.of(a, a)));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new Document("b", List.of(List.of()))).getMessage().contains("line 0 is empty"));
  }
}
