package dev.lathe.plugin.micronet;

import dev.lathe.api.data.Corpus;
import dev.lathe.api.data.DataDirectory;
import dev.lathe.api.data.DocumentSplit;
import dev.lathe.api.data.TokenSplits;
import dev.lathe.api.data.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A word-level language-modelling corpus with the adaptive softmax's bins scaled to it: the
 * vocabulary of the training documents, and cutoffs that give each bin the share of the tokens
 * that the published model's bins have on WikiText-103's test set (198,232, 35,479 and 11,858
 * of 245,569 tokens: 80.7 %, 14.4 % and 4.8 %), counted on the training tokens.
 *
 * @param name the corpus's name, e.g. {@code sotu}
 * @param vocabulary the training split's vocabulary
 * @param train the training ids
 * @param valid the validation ids
 * @param test the test ids
 * @param cutoffs the first id of each tail bin, ascending
 */
record LmCorpus(String name, Vocabulary vocabulary, int[] train, int[] valid, int[] test,
    List<Integer> cutoffs) {

  /** The published bins' test-token counts (arXiv:2005.07877's evaluation notebook). */
  static final List<Long> PUBLISHED_BIN_COUNTS = List.of(198_232L, 35_479L, 11_858L);

  /** The corpora this reads by name: State of the Union and Brown. */
  static final List<String> NAMES = List.of("sotu", "brown");

  /**
   * Reads corpus {@code name} ({@code sotu} or {@code brown}) from {@code folder}, splits its
   * documents 8:1:1 in natural order and builds a vocabulary of at most {@code maxVocabulary}
   * words seen at least {@code minCount} times in training.
   *
   * @throws IOException if the folder cannot be read or holds no such corpus
   */
  static LmCorpus read(String name, Path folder, int maxVocabulary, int minCount)
      throws IOException {
    Corpus corpus = switch (name) {
      case "sotu" -> Corpus.readStateOfTheUnion(folder);
      case "brown" -> Corpus.readBrown(folder);
      default -> throw new IllegalArgumentException("corpus '" + name + "' is not one of "
          + NAMES);
    };
    TokenSplits splits = TokenSplits.of(corpus, DocumentSplit.DEFAULT, minCount, maxVocabulary);
    return new LmCorpus(name, splits.vocabulary(), splits.train(), splits.valid(), splits.test(),
        cutoffs(splits.vocabulary(), PUBLISHED_BIN_COUNTS));
  }

  /**
   * Reads corpus {@code name} from the data directory ({@code lathe data fetch sotu}).
   *
   * @throws IOException naming the command that fetches it if it is not present
   */
  static LmCorpus fetched(String name, int maxVocabulary, int minCount) throws IOException {
    return read(name, DataDirectory.dataSet(name), maxVocabulary, minCount);
  }

  /**
   * The cutoffs that give the bins of a vocabulary (ids by decreasing frequency after
   * {@code <unk>} and {@code <eos>}) the shares of its tokens that {@code binCounts} have: the
   * first id at which the running count reaches each bin's cumulative share, kept ascending
   * and inside the vocabulary.
   */
  static List<Integer> cutoffs(Vocabulary vocabulary, List<Long> binCounts) {
    long total = 0;
    for (int id = 0; id < vocabulary.size(); id++) {
      total += vocabulary.count(id);
    }
    long published = binCounts.stream().mapToLong(Long::longValue).sum();
    List<Integer> cutoffs = new ArrayList<>();
    long shareSoFar = 0;
    long running = 0;
    int id = 0;
    for (int bin = 0; bin < binCounts.size() - 1; bin++) {
      shareSoFar += binCounts.get(bin);
      double target = (double) shareSoFar / published * total;
      while (id < vocabulary.size() && running + vocabulary.count(id) <= target) {
        running += vocabulary.count(id);
        id++;
      }
      int previous = cutoffs.isEmpty() ? 0 : cutoffs.get(cutoffs.size() - 1);
      int cutoff = Math.max(id, previous + 1);
      if (cutoff >= vocabulary.size()) {
        break;
      }
      cutoffs.add(cutoff);
    }
    return List.copyOf(cutoffs);
  }

  /**
   * This corpus with the validation and test splits cut to their first {@code tokens} ids (all
   * of them when {@code tokens} is 0 or more than a split has), for cheaper evaluations.
   */
  LmCorpus limited(int tokens) {
    if (tokens <= 0) {
      return this;
    }
    return new LmCorpus(name, vocabulary, train, Arrays.copyOf(valid, Math.min(tokens,
        valid.length)), Arrays.copyOf(test, Math.min(tokens, test.length)), cutoffs);
  }

  /** The vocabulary size. */
  int vocabularySize() {
    return vocabulary.size();
  }

  /** How many ids of {@code ids} fall in each bin, for the score's projection weights. */
  List<Long> binCounts(int[] ids) {
    long[] counts = new long[cutoffs.size() + 1];
    for (int id : ids) {
      int bin = 0;
      while (bin < cutoffs.size() && id >= cutoffs.get(bin)) {
        bin++;
      }
      counts[bin]++;
    }
    List<Long> list = new ArrayList<>();
    for (long c : counts) {
      list.add(c);
    }
    return List.copyOf(list);
  }
}
