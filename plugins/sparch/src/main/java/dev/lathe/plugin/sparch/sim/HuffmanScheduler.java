package dev.lathe.plugin.sparch.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * SpArch's Huffman-tree scheduler: merges the smallest partial matrices first, in a
 * {@code ways}-ary Huffman tree over their estimated sizes (an output's estimate is the sum of
 * its inputs'), so that large partial matrices go through DRAM the fewest times. The first round
 * merges {@code ((n − 2) mod (ways − 1)) + 2} leaves so that every later round is full.
 * O(n log n) for n leaves. Ties go to the lower node.
 */
public final class HuffmanScheduler implements MergeScheduler {

  @Override
  public MergeSchedule schedule(long[] sizes, int ways) {
    Schedules.check(sizes, ways);
    int n = sizes.length;
    List<MergeSchedule.Round> rounds = new ArrayList<>();
    if (n <= ways) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      rounds.add(new MergeSchedule.Round(all));
      return new MergeSchedule(n, rounds);
    }
    PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> x[0] != y[0]
        ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    for (int i = 0; i < n; i++) {
      queue.add(new long[] {sizes[i], i});
    }
    int take = (n - 2) % (ways - 1) + 2;
    while (queue.size() > 1) {
      int[] inputs = new int[Math.min(take, queue.size())];
      long size = 0;
      for (int i = 0; i < inputs.length; i++) {
        long[] node = queue.poll();
        inputs[i] = (int) node[1];
        size += node[0];
      }
      Arrays.sort(inputs);
      rounds.add(new MergeSchedule.Round(inputs));
      queue.add(new long[] {size, n + rounds.size() - 1});
      take = ways;
    }
    return new MergeSchedule(n, rounds);
  }
}
