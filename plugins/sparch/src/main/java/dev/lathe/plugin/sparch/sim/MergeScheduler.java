package dev.lathe.plugin.sparch.sim;

/** Decides in which rounds a merge tree of {@code ways} inputs merges partial matrices. */
public interface MergeScheduler {

  /**
   * A schedule for partial matrices of the given estimated sizes: no round takes more than
   * {@code ways} inputs, and every leaf and every output but the last is an input exactly once.
   *
   * @param sizes the estimated number of elements of each leaf; at least one leaf
   * @param ways the inputs of the merge tree, at least 2
   */
  MergeSchedule schedule(long[] sizes, int ways);
}
