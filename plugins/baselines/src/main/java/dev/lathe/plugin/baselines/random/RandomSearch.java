package dev.lathe.plugin.baselines.random;

import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.SearchSpace;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;

/**
 * Random search: every candidate is an independent draw of the space's own
 * {@link SearchSpace#sample}, which honours the space's constraints.
 *
 * <p>Candidate number {@code i} is drawn from a {@link SplittableRandom} seeded with
 * {@link #streamSeed(long, long) streamSeed(seed, i)}, so the whole state is the seed and the
 * number of candidates asked so far: the same seed gives the same candidates however the asks
 * are batched, and a restored checkpoint continues with exactly the candidates an uninterrupted
 * run would have asked. Outcomes do not influence the search, so {@link #tell} keeps nothing.
 * Each candidate costs one draw per dimension (times the space's rejections); the state is
 * O(1).
 */
final class RandomSearch implements Optimizer {

  static final String ID = "random";

  /** The SplitMix64 increment, 2^64 divided by the golden ratio (Steele, Lea and Flood 2014). */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final byte STATE_FORMAT = 1;
  private static final int STATE_BYTES = 1 + 2 * Long.BYTES;

  private final SearchSpace space;
  private final Logger logger;
  private long seed;
  private long asked;

  /**
   * A random search that has asked nothing yet.
   *
   * @param space the space to draw from, not null
   * @param seed the seed of the whole candidate sequence
   * @param logger where restores that change the seed are reported, not null
   */
  RandomSearch(SearchSpace space, long seed, Logger logger) {
    this.space = space;
    this.seed = seed;
    this.logger = logger;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Candidate> ask(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("optimizer '" + ID + "': ask(" + n + ") needs n >= 1");
    }
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      candidates.add(space.sample(new SplittableRandom(streamSeed(seed, asked))));
      asked++;
    }
    return candidates;
  }

  /**
   * Checks that the observation belongs to a candidate this optimizer asked for, and otherwise
   * ignores it.
   *
   * @throws IllegalArgumentException if its trial number was never asked
   */
  @Override
  public void tell(Observation observation) {
    long trial = observation.trialNumber();
    if (trial < 0 || trial >= asked) {
      throw new IllegalArgumentException("optimizer '" + ID + "' was told the outcome of trial "
          + trial + " but has asked for trials 0 to " + (asked - 1) + " only");
    }
  }

  /** The state: a format byte, the seed and the number of candidates asked (17 bytes). */
  @Override
  public Optional<byte[]> checkpoint() {
    return Optional.of(ByteBuffer.allocate(STATE_BYTES)
        .put(STATE_FORMAT).putLong(seed).putLong(asked).array());
  }

  /**
   * Continues from a checkpoint, seed included: the next candidates are those that the
   * checkpointed optimizer would have asked next.
   *
   * @throws IllegalArgumentException if {@code state} is not a checkpoint of this optimizer
   */
  @Override
  public void restore(byte[] state) {
    if (state.length != STATE_BYTES || state[0] != STATE_FORMAT) {
      throw new IllegalArgumentException("optimizer '" + ID + "': checkpoint of " + state.length
          + " bytes is not a random-search state (expected " + STATE_BYTES + " bytes, format "
          + STATE_FORMAT + ")");
    }
    ByteBuffer buffer = ByteBuffer.wrap(state, 1, STATE_BYTES - 1);
    long restoredSeed = buffer.getLong();
    long restoredAsked = buffer.getLong();
    if (restoredAsked < 0) {
      throw new IllegalArgumentException(
          "optimizer '" + ID + "': checkpoint has a negative trial count " + restoredAsked);
    }
    if (restoredSeed != seed) {
      logger.info("optimizer '{}': checkpoint seed {} replaces seed {}", ID, restoredSeed, seed);
    }
    seed = restoredSeed;
    asked = restoredAsked;
  }

  /**
   * The seed of the generator that draws candidate {@code index}: the optimizer's seed and the
   * index mixed by SplitMix64's finaliser, so that neighbouring seeds and indices give unrelated
   * streams.
   */
  static long streamSeed(long seed, long index) {
    return mix64(mix64(seed) + GOLDEN_GAMMA * (index + 1));
  }

  /** SplitMix64's finaliser (variant 13 of Stafford's mixers): a bijection of 64-bit values. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
