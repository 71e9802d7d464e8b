package dev.lathe.plugin.baselines.population;

import java.util.SplittableRandom;

/**
 * Per-trial random streams: everything an optimizer draws to make candidate number {@code i}
 * comes from {@code new SplittableRandom(seed(optimizerSeed, i))}, so that its state needs no
 * generator, only the seed and the number of candidates asked. The derivation is the one of the
 * {@code random} optimizer: the seed and the index mixed by SplitMix64's finaliser (G. L. Steele,
 * D. Lea, C. H. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
 */
public final class TrialRandom {

  /** The SplitMix64 increment, 2^64 divided by the golden ratio. */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private TrialRandom() {}

  /** The generator of candidate {@code index} of an optimizer seeded with {@code seed}. */
  public static SplittableRandom of(long seed, long index) {
    return new SplittableRandom(seed(seed, index));
  }

  /**
   * The seed of candidate {@code index}: {@code mix64(mix64(seed) + γ·(index + 1))}, so that
   * neighbouring seeds and indices give unrelated streams.
   */
  public static long seed(long seed, long index) {
    return mix64(mix64(seed) + GOLDEN_GAMMA * (index + 1));
  }

  /** SplitMix64's finaliser (variant 13 of Stafford's mixers): a bijection of 64-bit values. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
