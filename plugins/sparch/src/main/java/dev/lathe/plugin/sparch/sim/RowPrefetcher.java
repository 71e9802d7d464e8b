package dev.lathe.plugin.sparch.sim;

import dev.lathe.api.sparse.SparseMatrix;
import java.util.Arrays;

/**
 * SpArch's row prefetcher for B: an on-chip buffer of {@code bufferLines} DRAM lines that reads
 * the future row requests from A up to {@code lookahead} requests ahead and replaces lines
 * Belady's way (evict the line whose next use is farthest; a line whose next use lies beyond
 * the lookahead counts as never used again, the least recently used of those first; a fetched
 * line used later than every buffered one bypasses the buffer). B lies in DRAM as compressed
 * rows of {@link DataLayout#entryBytes()} per entry, starting on a line boundary, so a request
 * for a row needs every line its entries touch.
 *
 * <p>The next use of each line access is known from the trace (one backward pass), and the buffer
 * is a max-heap of lines by next use with stale entries skipped: O(m log m) time for m line
 * accesses. The window is judged when a line is used: a line that was beyond the lookahead at
 * its last use keeps that rank until it is used again.
 *
 * <p>With {@link Replacement#LRU} the same buffer is a plain cache without lookahead: every
 * fetched line is kept and the least recently used one leaves.
 */
public final class RowPrefetcher {

  private static final int NONE = Integer.MAX_VALUE;
  /** Ranks from here up mean "not used within the lookahead". */
  private static final long FAR = 1L << 31;

  /** Which line leaves a full buffer. */
  public enum Replacement {
    /** The least recently used line. */
    LRU,
    /** The line whose next use within the lookahead is farthest (Belady's MIN). */
    BELADY
  }

  private final int bufferLines;
  private final int lookahead;
  private final Replacement replacement;
  private final DramModel dram;
  private final DataLayout layout;

  /**
   * A prefetcher with a buffer of {@code bufferLines} lines of {@code dram}'s line size that sees
   * {@code lookahead} row requests ahead (unused by {@link Replacement#LRU}).
   *
   * @throws IllegalArgumentException if either count is below 1
   */
  public RowPrefetcher(int bufferLines, int lookahead, DramModel dram, DataLayout layout,
      Replacement replacement) {
    if (bufferLines < 1 || lookahead < 1) {
      throw new IllegalArgumentException("the row prefetcher needs at least 1 buffer line and a"
          + " lookahead of at least 1 request, got " + bufferLines + " and " + lookahead);
    }
    this.bufferLines = bufferLines;
    this.lookahead = lookahead;
    this.dram = dram;
    this.layout = layout;
    this.replacement = replacement;
  }

  /** The bytes of B read by each segment of {@code trace} with no buffer: every line requested. */
  public static long[] readWithoutBuffer(SparseMatrix b, RowTrace trace, DramModel dram,
      DataLayout layout) {
    long[] bytes = new long[trace.segments()];
    int request = 0;
    for (int s = 0; s < bytes.length; s++) {
      long lines = 0;
      for (; request < trace.segmentEnd(s); request++) {
        int row = trace.row(request);
        lines += dram.lines((long) b.rowStart(row) * layout.entryBytes(),
            (long) b.rowNnz(row) * layout.entryBytes());
      }
      bytes[s] = lines * dram.lineBytes();
    }
    return bytes;
  }

  /** The bytes of B that each segment of {@code trace} reads from DRAM: the buffer's misses. */
  public long[] read(SparseMatrix b, RowTrace trace) {
    LineAccesses accesses = LineAccesses.of(b, trace, dram, layout);
    int m = accesses.size();
    int[] nextUse = new int[m];
    int[] seen = new int[accesses.lineCount()];
    Arrays.fill(seen, NONE);
    for (int p = m - 1; p >= 0; p--) {
      int line = accesses.line(p);
      nextUse[p] = seen[line];
      seen[line] = p;
    }
    long[] rank = new long[accesses.lineCount()];
    boolean[] buffered = new boolean[accesses.lineCount()];
    int[] slotOf = new int[accesses.lineCount()];
    int[] slots = new int[bufferLines];
    LongMaxHeap heap = new LongMaxHeap();
    int occupied = 0;
    long[] bytes = new long[trace.segments()];
    int segment = 0;
    for (int p = 0; p < m; p++) {
      while (accesses.request(p) >= trace.segmentEnd(segment)) {
        segment++;
      }
      int line = accesses.line(p);
      int next = nextUse[p];
      long r = replacement == Replacement.BELADY && next != NONE
          && accesses.request(next) - accesses.request(p) <= lookahead ? next : FAR + (m - p);
      if (buffered[line]) {
        rank[line] = r;
        heap.push(r << 31 | line);
        if (heap.size() > 8 * bufferLines + 64) {
          heap.rebuild(rank, slots, occupied);
        }
        continue;
      }
      bytes[segment] += dram.lineBytes();
      if (occupied == bufferLines) {
        long top = topValid(heap, rank, buffered);
        if (top >>> 31 <= r) {
          continue;
        }
        heap.pop();
        int evicted = (int) (top & Integer.MAX_VALUE);
        buffered[evicted] = false;
        int moved = slots[--occupied];
        slots[slotOf[evicted]] = moved;
        slotOf[moved] = slotOf[evicted];
      }
      buffered[line] = true;
      rank[line] = r;
      slotOf[line] = occupied;
      slots[occupied++] = line;
      heap.push(r << 31 | line);
      if (heap.size() > 8 * bufferLines + 64) {
        heap.rebuild(rank, slots, occupied);
      }
    }
    return bytes;
  }

  /** The top of the heap after dropping stale entries. */
  private static long topValid(LongMaxHeap heap, long[] rank, boolean[] buffered) {
    while (true) {
      long top = heap.peek();
      int line = (int) (top & Integer.MAX_VALUE);
      if (buffered[line] && rank[line] == top >>> 31) {
        return top;
      }
      heap.pop();
    }
  }

  /** Every line access of a trace, in order, with the request it belongs to. */
  private record LineAccesses(int[] lines, int[] requests, int size, int lineCount) {

    static LineAccesses of(SparseMatrix b, RowTrace trace, DramModel dram, DataLayout layout) {
      int entry = layout.entryBytes();
      long total = 0;
      for (int i = 0; i < trace.size(); i++) {
        int row = trace.row(i);
        total += dram.lines((long) b.rowStart(row) * entry, (long) b.rowNnz(row) * entry);
      }
      int size = Math.toIntExact(total);
      if (size >= FAR) {
        throw new IllegalStateException("the B trace needs " + total + " line accesses, more"
            + " than the prefetcher model handles");
      }
      int[] lines = new int[size];
      int[] requests = new int[size];
      int n = 0;
      for (int i = 0; i < trace.size(); i++) {
        int row = trace.row(i);
        if (b.rowNnz(row) == 0) {
          continue;
        }
        long start = (long) b.rowStart(row) * entry;
        long end = (long) b.rowStart(row + 1) * entry - 1;
        for (long l = start / dram.lineBytes(); l <= end / dram.lineBytes(); l++) {
          lines[n] = Math.toIntExact(l);
          requests[n++] = i;
        }
      }
      int lineCount = Math.toIntExact(Counts.ceilDiv((long) b.nnz() * entry, dram.lineBytes()));
      return new LineAccesses(lines, requests, size, lineCount);
    }

    int line(int p) {
      return lines[p];
    }

    int request(int p) {
      return requests[p];
    }
  }
}
