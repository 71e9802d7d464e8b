package dev.lathe.plugin.spanner;

/** The source vertices a spanner serves. */
final class Sources {

  private Sources() {}

  /**
   * {@code count} vertices spread evenly over {@code 0 … n-1}: vertex {@code ⌊i·n/count⌋} for
   * {@code i < count}; every vertex when {@code count ≥ n}. Deterministic, so that a verifier or a
   * benchmark can name the same sources.
   */
  static int[] evenlySpaced(int n, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a spanner needs at least one source, got " + count);
    }
    int s = Math.min(n, count);
    int[] sources = new int[s];
    for (int i = 0; i < s; i++) {
      sources[i] = (int) ((long) i * n / s);
    }
    return sources;
  }
}
