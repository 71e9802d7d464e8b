package dev.lathe.plugin.sparch.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.sparse.SparseMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The row prefetcher's replacement on hand-worked and random traces. */
class RowPrefetcherTest {

  /** A 6 x 6 identity: row r of B is one entry, bytes 12r to 12r + 11. */
  private static final SparseMatrix IDENTITY = SparseMatrix.fromDense(new double[][] {
      {1, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 0}, {0, 0, 0, 1, 0, 0},
      {0, 0, 0, 0, 1, 0}, {0, 0, 0, 0, 0, 1}});
  /** Lines as large as an entry (12 bytes): row r is line r. */
  private static final DramModel DRAM = new DramModel(12, 12);

  private static RowTrace trace(int... rows) {
    RowTrace trace = new RowTrace();
    for (int r : rows) {
      trace.request(r);
    }
    trace.endSegment();
    return trace;
  }

  private static long misses(RowPrefetcher.Replacement replacement, int lines, int lookahead,
      RowTrace trace) {
    long bytes = new RowPrefetcher(lines, lookahead, DRAM, DataLayout.DEFAULT, replacement)
        .read(IDENTITY, trace)[0];
    return bytes / DRAM.lineBytes();
  }

  @Test
  void beladyBeatsLruOnACyclicTrace() {
    RowTrace cyclic = trace(0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3);
    // LRU with 3 lines misses every request of a 4-line cycle
    assertEquals(12, misses(RowPrefetcher.Replacement.LRU, 3, 1, cyclic));
    // Belady keeps 0, 1, 2 (each used again sooner than 3) and lets 3 bypass the buffer:
    // 3 compulsory misses, then only the three requests for 3
    assertEquals(3 + 3, misses(RowPrefetcher.Replacement.BELADY, 3, 100, cyclic));
  }

  @Test
  void aShortLookaheadSeesLessOfTheFuture() {
    RowTrace trace = trace(0, 1, 2, 3, 4, 0, 5, 1, 0);
    // 2 lines. Full lookahead: 0 1 miss; 2 3 4 bypass (used never again or later than 0 and 1);
    // 0 hit; 5 bypasses; 1 0 hit: 6 misses.
    assertEquals(6, misses(RowPrefetcher.Replacement.BELADY, 2, 100, trace));
    // A lookahead of 1 request cannot see 0's or 1's reuse: they leave the buffer like LRU lines
    assertTrue(misses(RowPrefetcher.Replacement.BELADY, 2, 1, trace) > 6);
  }

  @Test
  void segmentsAreChargedSeparately() {
    RowTrace trace = new RowTrace();
    trace.request(0);
    trace.request(1);
    trace.endSegment();
    trace.request(0);
    trace.request(2);
    trace.endSegment();
    long[] bytes = new RowPrefetcher(4, 8, DRAM, DataLayout.DEFAULT,
        RowPrefetcher.Replacement.BELADY).read(IDENTITY, trace);
    assertArrayEquals(new long[] {24, 12}, bytes);
    assertArrayEquals(new long[] {24, 24},
        RowPrefetcher.readWithoutBuffer(IDENTITY, trace, DRAM, DataLayout.DEFAULT));
  }

  @Test
  void beladyNeverMissesMoreThanLruAndAtLeastOncePerLine() {
    SplittableRandom random = new SplittableRandom(3);
    for (int t = 0; t < 30; t++) {
      int[] rows = new int[200];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = random.nextInt(random.nextBoolean() ? 3 : 6);
      }
      RowTrace trace = trace(rows);
      int lines = 1 + random.nextInt(5);
      long belady = misses(RowPrefetcher.Replacement.BELADY, lines, 1_000, trace);
      long lru = misses(RowPrefetcher.Replacement.LRU, lines, 1, trace);
      long distinct = Arrays.stream(rows).distinct().count();
      assertTrue(belady <= lru, belady + " > " + lru);
      assertTrue(belady >= distinct, belady + " < " + distinct);
    }
  }

  @Test
  void refusesAnEmptyBuffer() {
    assertThrows(IllegalArgumentException.class, () -> new RowPrefetcher(0, 1, DRAM,
        DataLayout.DEFAULT, RowPrefetcher.Replacement.LRU));
  }
}
