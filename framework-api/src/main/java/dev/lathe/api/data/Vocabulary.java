package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A word vocabulary: token ids from 0 to {@code size() - 1}. Id 0 is {@value #UNKNOWN}, which
 * stands for every token outside the vocabulary, and id 1 is {@value #END_OF_LINE}, encoded after
 * each line. The other ids go to the tokens of the corpus it was built from that occur at least
 * {@code minCount} times, most frequent first, ties in {@link String#compareTo} order, cut at
 * {@code maxSize} entries in all.
 */
@API(status = STABLE, since = "0.1")
public final class Vocabulary {

  /** The token that stands for every token outside the vocabulary; id 0. */
  public static final String UNKNOWN = "<unk>";
  /** The token encoded after each line; id 1. */
  public static final String END_OF_LINE = "<eos>";

  private final List<String> tokens;
  private final long[] counts;
  private final Map<String, Integer> ids;

  private Vocabulary(List<String> tokens, long[] counts) {
    this.tokens = List.copyOf(tokens);
    this.counts = counts;
    this.ids = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      ids.put(tokens.get(i), i);
    }
  }

  /**
   * The vocabulary of {@code corpus}.
   *
   * @param minCount the fewest occurrences a token needs to be kept, at least 1
   * @param maxSize the most entries, {@value #UNKNOWN} and {@value #END_OF_LINE} included, at
   *     least 2; {@link Integer#MAX_VALUE} for no limit
   */
  public static Vocabulary build(Corpus corpus, int minCount, int maxSize) {
    if (minCount < 1 || maxSize < 2) {
      throw new IllegalArgumentException("a vocabulary needs minCount >= 1 and maxSize >= 2, got "
          + minCount + " and " + maxSize);
    }
    Map<String, Long> frequency = new HashMap<>();
    long lines = 0;
    for (Document d : corpus.documents()) {
      for (List<String> line : d.lines()) {
        lines++;
        for (String token : line) {
          frequency.merge(token, 1L, Long::sum);
        }
      }
    }
    long unknown = 0;
    List<Map.Entry<String, Long>> kept = new ArrayList<>();
    for (Map.Entry<String, Long> e : frequency.entrySet()) {
      if (e.getValue() >= minCount && !e.getKey().equals(UNKNOWN)
          && !e.getKey().equals(END_OF_LINE)) {
        kept.add(e);
      } else {
        unknown += e.getValue();
      }
    }
    kept.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    int size = (int) Math.min(maxSize, kept.size() + 2L);
    for (Map.Entry<String, Long> e : kept.subList(size - 2, kept.size())) {
      unknown += e.getValue();
    }
    List<String> tokens = new ArrayList<>(size);
    long[] counts = new long[size];
    tokens.add(UNKNOWN);
    counts[0] = unknown;
    tokens.add(END_OF_LINE);
    counts[1] = lines;
    for (int i = 2; i < size; i++) {
      tokens.add(kept.get(i - 2).getKey());
      counts[i] = kept.get(i - 2).getValue();
    }
    return new Vocabulary(tokens, counts);
  }

  /** The number of entries, {@value #UNKNOWN} and {@value #END_OF_LINE} included. */
  public int size() {
    return tokens.size();
  }

  /** The id of {@code token}, or 0 ({@value #UNKNOWN}) if it is not in the vocabulary. */
  public int id(String token) {
    return ids.getOrDefault(token, 0);
  }

  /** Whether {@code token} has an id of its own. */
  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /** The token with id {@code id}. */
  public String token(int id) {
    return tokens.get(id);
  }

  /**
   * How often entry {@code id} occurred in the corpus the vocabulary was built from: for
   * {@value #UNKNOWN} the occurrences of every token left out, for {@value #END_OF_LINE} the
   * number of lines.
   */
  public long count(int id) {
    return counts[id];
  }

  /**
   * The ids of {@code corpus}'s tokens, document after document, line after line, with the id of
   * {@value #END_OF_LINE} after each line.
   */
  public int[] encode(Corpus corpus) {
    long length = corpus.tokenCount();
    for (Document d : corpus.documents()) {
      length += d.lines().size();
    }
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(corpus + " has more tokens than one array can hold");
    }
    int[] ids = new int[(int) length];
    int k = 0;
    for (Document d : corpus.documents()) {
      for (List<String> line : d.lines()) {
        for (String token : line) {
          ids[k++] = id(token);
        }
        ids[k++] = 1;
      }
    }
    return ids;
  }

  @Override
  public String toString() {
    return "Vocabulary[" + size() + " entries]";
  }
}
