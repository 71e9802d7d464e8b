package dev.lathe.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Did-you-mean hints are offered only for close words. */
class SuggestionsTest {

  private static final List<String> KEYS = List.of("trials", "time", "target");

  @Test
  void suggestsTheClosestWord() {
    assertEquals(Optional.of("trials"), Suggestions.closest("trails", KEYS));
    assertEquals(Optional.of("target"), Suggestions.closest("Target", KEYS), "ignores case");
    assertEquals(Optional.of("population"),
        Suggestions.closest("populaton", List.of("mutation", "population")));
    assertEquals(Optional.of("evolution"),
        Suggestions.closest("evolutoin", List.of("evolution", "random")));
  }

  @Test
  void staysSilentWhenNothingIsClose() {
    assertEquals(Optional.empty(), Suggestions.closest("budget", KEYS));
    assertEquals(Optional.empty(), Suggestions.closest("tm", KEYS), "short words allow one edit");
    assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
  }

  @Test
  void breaksTiesAlphabetically() {
    assertEquals(Optional.of("bat"), Suggestions.closest("cat", List.of("rat", "bat")));
  }

  @Test
  void formatsTheHint() {
    assertEquals("; did you mean 'time'?", Suggestions.didYouMean("tme", KEYS));
    assertEquals("", Suggestions.didYouMean("seed", KEYS));
  }
}
