package dev.lathe.core.internal.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean" hints: the known word nearest to a misspelt one by Levenshtein distance, offered
 * only when it is close (at most a third of the word's length in edits, between 1 and 3).
 */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate nearest to {@code word}, ignoring case, if it is close enough; ties go to the
   * alphabetically first.
   */
  static Optional<String> closest(String word, Collection<String> candidates) {
    int threshold = Math.max(1, Math.min(3, word.length() / 3));
    LevenshteinDistance distance = new LevenshteinDistance(threshold);
    String lowerWord = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(candidates)) {
      int d = distance.apply(lowerWord, candidate.toLowerCase(Locale.ROOT));
      if (d >= 0 && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code "; did you mean 'x'?"} for the closest candidate, or the empty string. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }
}
