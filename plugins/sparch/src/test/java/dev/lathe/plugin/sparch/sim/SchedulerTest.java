package dev.lathe.plugin.sparch.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Huffman-tree scheduler and the in-order schedule. */
class SchedulerTest {

  /** The elements a schedule writes to DRAM: every round's estimated output but the last. */
  private static long spilled(MergeSchedule schedule, long[] sizes) {
    long[] size = Arrays.copyOf(sizes, sizes.length + schedule.rounds().size());
    long spilled = 0;
    for (int r = 0; r < schedule.rounds().size(); r++) {
      long s = 0;
      for (int node : schedule.rounds().get(r).inputs()) {
        s += size[node];
      }
      size[schedule.output(r)] = s;
      if (r < schedule.rounds().size() - 1) {
        spilled += s;
      }
    }
    return spilled;
  }

  private static void assertEveryNodeUsedOnce(MergeSchedule schedule, int ways) {
    int nodes = schedule.leaves() + schedule.rounds().size();
    int[] uses = new int[nodes];
    for (int r = 0; r < schedule.rounds().size(); r++) {
      int[] inputs = schedule.rounds().get(r).inputs();
      assertTrue(inputs.length >= 1 && inputs.length <= ways);
      for (int node : inputs) {
        assertTrue(node < schedule.output(r), "round " + r + " uses a later node " + node);
        uses[node]++;
      }
    }
    for (int n = 0; n < nodes - 1; n++) {
      assertEquals(1, uses[n], "node " + n);
    }
    assertEquals(0, uses[nodes - 1], "the product is no round's input");
  }

  @Test
  void huffmanFirstRoundMakesEveryLaterRoundFull() {
    long[] sizes = {50, 3, 9, 1, 7, 20, 2, 5};
    MergeSchedule s = new HuffmanScheduler().schedule(sizes, 4);
    // n = 8, k = 4: the first round takes ((8 - 2) mod 3) + 2 = 2 leaves: sizes 1 and 2
    assertArrayEquals(new int[] {3, 6}, s.rounds().get(0).inputs());
    // then {3 (node 8), 3, 5, 7} -> 18, then {9, 18, 20, 50} -> product
    assertArrayEquals(new int[] {1, 4, 7, 8}, s.rounds().get(1).inputs());
    assertArrayEquals(new int[] {0, 2, 5, 9}, s.rounds().get(2).inputs());
    assertEquals(3, s.rounds().size());
    assertEquals(3 + 18, spilled(s, sizes));
    assertEveryNodeUsedOnce(s, 4);
  }

  @Test
  void fewLeavesMergeInOneRound() {
    for (MergeScheduler scheduler : new MergeScheduler[] {new HuffmanScheduler(),
        new InOrderScheduler()}) {
      MergeSchedule s = scheduler.schedule(new long[] {4, 1, 2}, 64);
      assertEquals(1, s.rounds().size());
      assertArrayEquals(new int[] {0, 1, 2}, s.rounds().get(0).inputs());
      assertEquals(1, scheduler.schedule(new long[] {7}, 2).rounds().size());
      assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(new long[0], 4));
      assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(new long[] {1}, 1));
    }
  }

  @Test
  void inOrderBuildsAFullTreeOverTheLeavesInOrder() {
    long[] sizes = new long[10];
    Arrays.fill(sizes, 1);
    MergeSchedule s = new InOrderScheduler().schedule(sizes, 3);
    // level 0: {0,1,2} {3,4,5} {6,7,8}, 9 carried up; level 1: {10,11,12}, 9 carried up;
    // level 2: {9, 13}
    assertEquals(5, s.rounds().size());
    assertArrayEquals(new int[] {10, 11, 12}, s.rounds().get(3).inputs());
    assertArrayEquals(new int[] {9, 13}, s.rounds().get(4).inputs());
    assertEveryNodeUsedOnce(s, 3);
  }

  @Test
  void huffmanNeverSpillsMoreThanInOrder() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + random.nextInt(300);
      int ways = 2 + random.nextInt(10);
      long[] sizes = new long[n];
      for (int i = 0; i < n; i++) {
        sizes[i] = 1 + (long) Math.pow(random.nextDouble(), -1.5);
      }
      MergeSchedule huffman = new HuffmanScheduler().schedule(sizes, ways);
      MergeSchedule inOrder = new InOrderScheduler().schedule(sizes, ways);
      assertEveryNodeUsedOnce(huffman, ways);
      assertEveryNodeUsedOnce(inOrder, ways);
      assertTrue(spilled(huffman, sizes) <= spilled(inOrder, sizes),
          "n = " + n + ", ways = " + ways);
    }
  }
}
