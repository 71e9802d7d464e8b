package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Splits a line of English text into lower-case word tokens by one fixed rule, so that the same
 * text gives the same tokens on every platform and in every version of Lathe:
 *
 * <ol>
 *   <li>the right single quotation mark {@code ’} becomes an apostrophe {@code '}, and the line
 *       is lower-cased with {@link Locale#ROOT};
 *   <li>white space separates tokens and is dropped;
 *   <li>a word is a maximal run of letters and digits ({@link Character#isLetterOrDigit(int)}),
 *       in which an apostrophe or a hyphen between two letters or digits is kept ({@code don't},
 *       {@code fellow-citizens}), and so is a full stop or comma between two digits
 *       ({@code 3.5}, {@code 1,000});
 *   <li>every other character is a token of its own ({@code "}, {@code .}, {@code —}).
 * </ol>
 */
@API(status = STABLE, since = "0.1")
public final class Tokenizer {

  private Tokenizer() {}

  /** The tokens of {@code line}, in order; empty for a blank line. */
  public static List<String> words(String line) {
    String text = line.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    List<String> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int c = text.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i += Character.charCount(c);
      } else if (Character.isLetterOrDigit(c)) {
        int end = wordEnd(text, i);
        tokens.add(text.substring(i, end));
        i = end;
      } else {
        int end = i + Character.charCount(c);
        tokens.add(text.substring(i, end));
        i = end;
      }
    }
    return tokens;
  }

  /** The end of the word that starts at {@code start}, a letter or digit. */
  private static int wordEnd(String text, int start) {
    int i = start;
    int n = text.length();
    while (i < n) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        i += width;
      } else if (i + width < n && joins(c, text.codePointBefore(i), text.codePointAt(i + width))) {
        i += width;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean joins(int c, int before, int after) {
    if (!Character.isLetterOrDigit(after)) {
      return false;
    }
    if (c == '\'' || c == '-') {
      return true;
    }
    return (c == '.' || c == ',') && Character.isDigit(before) && Character.isDigit(after);
  }
}
