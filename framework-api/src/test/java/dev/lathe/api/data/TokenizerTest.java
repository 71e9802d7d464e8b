package dev.lathe.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void wordsAreLowerCasedAndPunctuationStandsAlone() {
    assertEquals(List.of("fellow-citizens", "of", "the", "senate", ":", "in", "meeting", "you",
        "again", ",", "i", "feel", "much", "satisfaction", "."),
        Tokenizer.words("Fellow-Citizens of the Senate: In meeting you again, I feel much "
            + "satisfaction."));
  }

  @Test
  void apostrophesHyphensAndNumberSeparatorsJoinOnlyBetweenLettersOrDigits() {
    assertEquals(List.of("don't", "pay", "$", "1,000.50", "for", "'", "em", "-", "now", "'"),
        Tokenizer.words("Don’t pay $1,000.50 for 'em - now'"));
    assertEquals(List.of("ends", ".", "next", "a", ",", "b", "x", "-", "-", "y"),
        Tokenizer.words("ends.Next a,b x--y"));
  }

  @Test
  void otherSymbolsAreTokensOfTheirOwnAndWhiteSpaceOfAnyKindSeparates() {
    assertEquals(List.of("ago", "—", "never", "mind", "\"", "whale", "\"", "ϰητος", "1.5"),
        Tokenizer.words("ago—never\tmind\u00a0\"WHALE\"  ϰητος 1.5"));
    assertEquals(List.of(), Tokenizer.words(" \t "));
  }
}
