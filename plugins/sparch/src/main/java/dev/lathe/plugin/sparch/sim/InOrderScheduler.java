package dev.lathe.plugin.sparch.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The schedule without a scheduler: partial matrices merged in the order they come,
 * {@code ways} at a time, level by level (a {@code ways}-ary tree over the leaves in order; a
 * node left alone at the end of a level is carried up to the next), blind to their sizes. With
 * {@code n} leaves every element goes through DRAM about {@code ⌈log_ways n⌉ − 1} times.
 */
public final class InOrderScheduler implements MergeScheduler {

  @Override
  public MergeSchedule schedule(long[] sizes, int ways) {
    Schedules.check(sizes, ways);
    List<MergeSchedule.Round> rounds = new ArrayList<>();
    int[] level = new int[sizes.length];
    for (int i = 0; i < level.length; i++) {
      level[i] = i;
    }
    do {
      int[] next = new int[(int) Counts.ceilDiv(level.length, ways)];
      for (int g = 0; g < next.length; g++) {
        int from = g * ways;
        int to = Math.min(level.length, from + ways);
        if (to - from == 1 && level.length > 1) {
          next[g] = level[from];
          continue;
        }
        int[] inputs = Arrays.copyOfRange(level, from, to);
        Arrays.sort(inputs);
        rounds.add(new MergeSchedule.Round(inputs));
        next[g] = sizes.length + rounds.size() - 1;
      }
      level = next;
    } while (level.length > 1);
    return new MergeSchedule(sizes.length, rounds);
  }
}
