package dev.lathe.plugin.sparch.sim;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The merge tree: a binary tree of {@link ComparatorMerger}s, {@code levels} deep, that merges up
 * to {@code 2^levels} sorted partial matrices into one as they stream in. The mergers work as a
 * pipeline, so a merge takes as many cycles as its busiest merger needs, plus one per level to
 * fill the pipeline.
 */
public final class MergeTree {

  private final int levels;
  private final ComparatorMerger merger;

  /** What one pass through the tree gave. */
  public record Merge(PartialMatrix output, long cycles) {}

  /**
   * A tree of {@code levels} levels of mergers that take {@code width} elements per cycle.
   *
   * @throws IllegalArgumentException if {@code levels} is not in 1..20 or {@code width < 1}
   */
  public MergeTree(int levels, int width) {
    if (levels < 1 || levels > 20) {
      throw new IllegalArgumentException("a merge tree has 1 to 20 levels, got " + levels);
    }
    this.levels = levels;
    this.merger = new ComparatorMerger(width);
  }

  /** The number of partial matrices it merges at once: {@code 2^levels}. */
  public int inputs() {
    return 1 << levels;
  }

  /** The number of levels. */
  public int levels() {
    return levels;
  }

  /**
   * Merges {@code partials}, at most {@link #inputs()} of them, at least one. The tree takes
   * them over: the list is emptied, and each partial matrix is let go once merged.
   *
   * @param partials a modifiable list of the partial matrices, not null
   * @throws IllegalArgumentException if there are none or too many
   */
  public Merge merge(List<PartialMatrix> partials) {
    PartialMatrix[] given = partials.toArray(PartialMatrix[]::new);
    partials.clear();
    return merge(given.length, i -> {
      PartialMatrix p = given[i];
      given[i] = null;
      return p;
    });
  }

  /**
   * Merges {@code count} partial matrices, at most {@link #inputs()}, at least one, asking
   * {@code input} for each as the first level reaches it (inputs 0 and 1, then 2 and 3, …), as
   * the multiplier array streams them in: a pass holds little more than the next level's
   * elements at any time.
   *
   * @param input gives partial matrix {@code i} once, for {@code i} from 0 to {@code count − 1}
   * @throws IllegalArgumentException if {@code count} is not in {@code 1..inputs()}
   */
  public Merge merge(int count, IntFunction<PartialMatrix> input) {
    if (count < 1 || count > inputs()) {
      throw new IllegalArgumentException("a merge tree of " + inputs() + " inputs cannot merge "
          + count + " partial matrices");
    }
    PartialMatrix[] level = null;
    long busiest = 0;
    for (int l = 0; l < levels; l++) {
      int size = l == 0 ? count : level.length;
      PartialMatrix[] next = new PartialMatrix[(size + 1) / 2];
      for (int i = 0; i < size; i += 2) {
        PartialMatrix left;
        PartialMatrix right;
        if (l == 0) {
          left = input.apply(i);
          right = i + 1 < size ? input.apply(i + 1) : PartialMatrix.EMPTY;
        } else {
          left = level[i];
          right = i + 1 < size ? level[i + 1] : PartialMatrix.EMPTY;
          level[i] = null;
          if (i + 1 < size) {
            level[i + 1] = null;
          }
        }
        busiest = Math.max(busiest, merger.cycles(left.size(), right.size()));
        next[i / 2] = merger.merge(left, right);
      }
      level = next;
    }
    return new Merge(level[0], busiest + levels);
  }
}
