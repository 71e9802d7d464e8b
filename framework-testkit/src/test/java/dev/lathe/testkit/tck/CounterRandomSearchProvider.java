package dev.lathe.testkit.tck;

import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Random search whose k-th draw is a pure function of the seed and k (a SplitMix64 hash), so
 * that its whole state is one counter and it checkpoints in eight bytes.
 */
public final class CounterRandomSearchProvider implements OptimizerProvider {

  static final String ID = "tck-counter-random";

  /** The constructor ServiceLoader calls. */
  public CounterRandomSearchProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Counter-based random search", "[0.1,1.0)");
  }

  @Override
  public Optimizer create(PluginContext context, Problem problem) {
    return new CounterRandomSearch(problem.space(), context.seed());
  }

  /** The optimizer; it learns nothing from outcomes. */
  static class CounterRandomSearch implements Optimizer {
    private final SearchSpace space;
    private final long seed;
    private long counter;

    CounterRandomSearch(SearchSpace space, long seed) {
      this.space = space;
      this.seed = seed;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public List<Candidate> ask(int n) {
      List<Candidate> batch = new ArrayList<>(n);
      while (batch.size() < n) {
        batch.add(next());
      }
      return batch;
    }

    private Candidate next() {
      for (int tries = 0; tries < SearchSpace.MAX_TRIES; tries++) {
        double[] x = new double[space.dimensions().size()];
        for (int j = 0; j < x.length; j++) {
          x[j] = unit(seed, counter, j);
        }
        counter++;
        Candidate c = space.decode(x);
        if (space.violation(c).isEmpty()) {
          return c;
        }
      }
      throw new IllegalStateException("optimizer '" + ID + "': no valid candidate in "
          + SearchSpace.MAX_TRIES + " draws from space '" + space.id() + "'");
    }

    /** Random search ignores outcomes. */
    @Override
    public void tell(Observation observation) {}

    @Override
    public Optional<byte[]> checkpoint() {
      return Optional.of(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
    }

    @Override
    public void restore(byte[] state) {
      counter = ByteBuffer.wrap(state).getLong();
    }

    /** A uniform number in [0, 1) from the SplitMix64 hash of (seed, counter, coordinate). */
    static double unit(long seed, long counter, int coordinate) {
      long z = seed + counter * 0x9E3779B97F4A7C15L + coordinate * 0xD1B54A32D192ED03L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z = z ^ (z >>> 31);
      return (z >>> 11) * 0x1.0p-53;
    }
  }
}
