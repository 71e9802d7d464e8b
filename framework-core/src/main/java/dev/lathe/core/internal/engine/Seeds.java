package dev.lathe.core.internal.engine;

import java.nio.charset.StandardCharsets;

/**
 * Splits one experiment seed into independent seeds per component and per trial, by hashing
 * the seed with a label through SplitMix64's finaliser (Steele, Lea & Flood 2014). Seeds depend
 * only on the experiment seed and the label, never on the order in which they are asked for.
 */
final class Seeds {

  private Seeds() {}

  /** The seed for the component or trial named {@code label}. */
  static long split(long seed, String label) {
    long h = seed;
    for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xff));
    }
    return mix(h + 0x9E3779B97F4A7C15L);
  }

  /** SplitMix64's finaliser: a bijective 64-bit mix with full avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
