package dev.lathe.plugin.sparch.sim;

/** Integer arithmetic the components share. */
final class Counts {

  private Counts() {}

  /** {@code x / y} rounded up, for {@code x >= 0} and {@code y > 0}. */
  static long ceilDiv(long x, long y) {
    return (x + y - 1) / y;
  }
}
