package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How a corpus is split into training, validation and test documents, by a fixed rule: with the
 * documents in natural order of their names (digit runs compare as numbers) and numbered from 0,
 * document {@code i} goes to the part that {@code i mod (train + valid + test)} falls in, the
 * first {@code train} residues being training, the next {@code valid} validation and the last
 * {@code test} test. The default 8 : 1 : 1 puts documents 8, 18, 28, … in validation and 9, 19,
 * 29, … in test, so every part spans the whole corpus (every decade of addresses, every genre of
 * the Brown corpus).
 *
 * @param train the weight of the training part, at least 1
 * @param valid the weight of the validation part, at least 0
 * @param test the weight of the test part, at least 0
 */
@API(status = STABLE, since = "0.1")
public record DocumentSplit(int train, int valid, int test) {

  /** Eight documents in training for each one in validation and one in test. */
  public static final DocumentSplit DEFAULT = new DocumentSplit(8, 1, 1);

  /** The parts of a split. */
  public enum Part {
    /** Documents to train on. */
    TRAIN,
    /** Documents to choose hyper-parameters or stop on. */
    VALID,
    /** Documents to report on. */
    TEST
  }

  /** A split; refuses a training weight below 1 or a negative weight. */
  public DocumentSplit {
    if (train < 1 || valid < 0 || test < 0) {
      throw new IllegalArgumentException("split " + train + ":" + valid + ":" + test
          + " needs a training weight of at least 1 and no negative weight");
    }
  }

  /** The part of the document at position {@code index} of the natural order. */
  public Part partOf(int index) {
    int residue = Math.floorMod(index, train + valid + test);
    if (residue < train) {
      return Part.TRAIN;
    }
    return residue < train + valid ? Part.VALID : Part.TEST;
  }

  @Override
  public String toString() {
    return train + ":" + valid + ":" + test;
  }
}
