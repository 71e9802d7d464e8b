package dev.lathe.plugin.sparch.sim;

import java.util.List;

/**
 * An order in which a merge tree merges {@code leaves} partial matrices into one: rounds, each
 * merging some nodes into a new node. Nodes {@code 0 … leaves − 1} are the leaves, node
 * {@code leaves + r} is the output of round {@code r}; the output of the last round is the
 * product, every other round's output is written to DRAM and read back by a later round.
 *
 * @param leaves the number of partial matrices
 * @param rounds the rounds in the order they run
 */
public record MergeSchedule(int leaves, List<Round> rounds) {

  /**
   * One pass through the merge tree.
   *
   * @param inputs the nodes merged, leaves in increasing order first
   */
  public record Round(int[] inputs) {}

  /** Copies the rounds. */
  public MergeSchedule {
    rounds = List.copyOf(rounds);
  }

  /** The node that round {@code r} produces. */
  public int output(int r) {
    return leaves + r;
  }
}
