package dev.lathe.plugin.sparch.sim;

/**
 * DRAM traffic in bytes by category.
 *
 * @param aRead bytes read of the left matrix A
 * @param bRead bytes read of the right matrix B (with a prefetcher: its misses)
 * @param partialWrite bytes of partial matrices written to DRAM
 * @param partialRead bytes of partial matrices read back from DRAM
 * @param cWrite bytes of the product C written
 */
public record Traffic(long aRead, long bRead, long partialWrite, long partialRead, long cWrite) {

  /** No traffic. */
  public static final Traffic NONE = new Traffic(0, 0, 0, 0, 0);

  /** Checks that no category is negative. */
  public Traffic {
    if (aRead < 0 || bRead < 0 || partialWrite < 0 || partialRead < 0 || cWrite < 0) {
      throw new IllegalArgumentException("traffic cannot be negative: " + aRead + ", " + bRead
          + ", " + partialWrite + ", " + partialRead + ", " + cWrite);
    }
  }

  /** The sum of every category. */
  public long total() {
    return aRead + bRead + partialWrite + partialRead + cWrite;
  }

  /** This traffic and {@code other}'s, category by category. */
  public Traffic plus(Traffic other) {
    return new Traffic(aRead + other.aRead, bRead + other.bRead,
        partialWrite + other.partialWrite, partialRead + other.partialRead,
        cWrite + other.cWrite);
  }
}
