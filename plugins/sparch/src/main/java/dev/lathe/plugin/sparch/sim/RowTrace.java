package dev.lathe.plugin.sparch.sim;

import java.util.Arrays;

/**
 * The order in which the datapath asks for rows of B, split into segments (one per merge round),
 * as the row prefetcher sees it by reading A ahead.
 */
public final class RowTrace {

  private int[] rows = new int[64];
  private int size;
  private int[] segmentEnds = new int[8];
  private int segments;

  /** Appends a request for row {@code row} of B. */
  public void request(int row) {
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, Math.multiplyExact(2, size));
    }
    rows[size++] = row;
  }

  /** Ends the current segment; the next requests belong to a new one. */
  public void endSegment() {
    if (segments == segmentEnds.length) {
      segmentEnds = Arrays.copyOf(segmentEnds, 2 * segments);
    }
    segmentEnds[segments++] = size;
  }

  /** The number of requests. */
  public int size() {
    return size;
  }

  /** The row of request {@code i}. */
  public int row(int i) {
    return rows[i];
  }

  /** The number of ended segments. */
  public int segments() {
    return segments;
  }

  /** The position after the last request of segment {@code s}. */
  public int segmentEnd(int s) {
    return segmentEnds[s];
  }
}
