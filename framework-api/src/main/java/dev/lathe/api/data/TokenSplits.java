package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.data.DocumentSplit.Part;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A corpus ready for language modelling: split into training, validation and test documents by
 * a {@link DocumentSplit}, with a {@link Vocabulary} built from the training part alone, and each
 * part encoded as one sequence of token ids ({@link Vocabulary#encode}).
 */
@API(status = STABLE, since = "0.1")
public final class TokenSplits {

  private final Vocabulary vocabulary;
  private final int[] train;
  private final int[] valid;
  private final int[] test;

  private TokenSplits(Vocabulary vocabulary, int[] train, int[] valid, int[] test) {
    this.vocabulary = vocabulary;
    this.train = train;
    this.valid = valid;
    this.test = test;
  }

  /**
   * Splits {@code corpus} by {@code split}, builds the vocabulary of the training part with
   * {@code minCount} and {@code maxSize} ({@link Vocabulary#build}), and encodes every part.
   *
   * @throws IllegalArgumentException if a part of positive weight receives no document, i.e.
   *     the corpus has too few documents for the split
   */
  public static TokenSplits of(Corpus corpus, DocumentSplit split, int minCount, int maxSize) {
    Corpus trainPart = part(corpus, split, Part.TRAIN, split.train());
    Corpus validPart = part(corpus, split, Part.VALID, split.valid());
    Corpus testPart = part(corpus, split, Part.TEST, split.test());
    Vocabulary vocabulary = Vocabulary.build(trainPart, minCount, maxSize);
    return new TokenSplits(vocabulary, vocabulary.encode(trainPart), vocabulary.encode(validPart),
        vocabulary.encode(testPart));
  }

  private static Corpus part(Corpus corpus, DocumentSplit split, Part part, int weight) {
    Corpus chosen = corpus.part(split, part);
    if (weight > 0 && chosen.documents().isEmpty()) {
      throw new IllegalArgumentException("split " + split + " leaves the " + part.name()
          .toLowerCase(Locale.ROOT) + " part empty: the corpus has "
          + corpus.documents().size() + " documents, it needs at least "
          + (split.train() + split.valid() + split.test()));
    }
    return chosen;
  }

  /** The vocabulary of the training part. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The ids of the training part; a copy. */
  public int[] train() {
    return train.clone();
  }

  /** The ids of the validation part; a copy. */
  public int[] valid() {
    return valid.clone();
  }

  /** The ids of the test part; a copy. */
  public int[] test() {
    return test.clone();
  }

  /** The share of the ids of part {@code part} that are {@value Vocabulary#UNKNOWN}. */
  public double unknownRate(Part part) {
    int[] ids = switch (part) {
      case TRAIN -> train;
      case VALID -> valid;
      case TEST -> test;
    };
    long unknown = 0;
    for (int id : ids) {
      if (id == 0) {
        unknown++;
      }
    }
    return ids.length == 0 ? 0 : (double) unknown / ids.length;
  }

  @Override
  public String toString() {
    return "TokenSplits[" + vocabulary + ", " + train.length + " / " + valid.length + " / "
        + test.length + " ids]";
  }
}
