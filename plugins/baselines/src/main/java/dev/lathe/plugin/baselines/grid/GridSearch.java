package dev.lathe.plugin.baselines.grid;

import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.SearchSpace;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Grid search: asks the points of a {@link Grid} in order, skipping those that the space's
 * {@link SearchSpace#violation} refuses. When every point has been asked and more trials are
 * asked for, it starts the grid again from its first point and logs a warning once per pass, so
 * candidates repeat (with a deterministic evaluator a budget of more trials than the grid has
 * points gains nothing). Outcomes do not influence it; the state is the position in the grid
 * and the number of trials asked (17 bytes).
 */
final class GridSearch implements Optimizer {

  static final String ID = "grid";

  private static final byte STATE_FORMAT = 1;
  private static final int STATE_BYTES = 1 + 2 * Long.BYTES;

  private final SearchSpace space;
  private final Grid grid;
  private final Logger logger;
  private long position;
  private long asked;

  /**
   * A grid search that has asked nothing yet.
   *
   * @param space the space, not null
   * @param grid the space's grid, not null
   * @param logger where repeated passes are reported, not null
   */
  GridSearch(SearchSpace space, Grid grid, Logger logger) {
    this.space = space;
    this.grid = grid;
    this.logger = logger;
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * The next {@code n} grid points that the space accepts.
   *
   * @throws IllegalStateException if the space refuses every point of the grid
   */
  @Override
  public List<Candidate> ask(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("optimizer '" + ID + "': ask(" + n + ") needs n >= 1");
    }
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      candidates.add(next());
      asked++;
    }
    return candidates;
  }

  private Candidate next() {
    String reason = "";
    for (long scanned = 0; scanned < grid.size(); scanned++) {
      long index = position % grid.size();
      if (index == 0 && position > 0) {
        long passes = position / grid.size();
        logger.warn("optimizer '{}': asked all {} points of the grid of space '{}' that it"
            + " accepts ({} points in all); starting pass {}, so candidates repeat",
            ID, asked / passes, space.id(), grid.size(), passes + 1);
      }
      Candidate c = grid.point(index);
      position++;
      Optional<String> violation = space.violation(c);
      if (violation.isEmpty()) {
        return c;
      }
      reason = violation.get();
    }
    throw new IllegalStateException("optimizer '" + ID + "': space '" + space.id()
        + "' refuses every one of the " + grid.size() + " points of its grid ("
        + grid.describeLevels() + "); last reason: " + reason);
  }

  /**
   * Checks that the observation belongs to a trial this optimizer asked for, and otherwise
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

  /** The state: a format byte, the position in the grid and the number of trials asked. */
  @Override
  public Optional<byte[]> checkpoint() {
    return Optional.of(ByteBuffer.allocate(STATE_BYTES)
        .put(STATE_FORMAT).putLong(position).putLong(asked).array());
  }

  /**
   * Continues from a checkpoint.
   *
   * @throws IllegalArgumentException if {@code state} is not a checkpoint of this optimizer
   */
  @Override
  public void restore(byte[] state) {
    if (state.length != STATE_BYTES || state[0] != STATE_FORMAT) {
      throw new IllegalArgumentException("optimizer '" + ID + "': checkpoint of " + state.length
          + " bytes is not a grid-search state (expected " + STATE_BYTES + " bytes, format "
          + STATE_FORMAT + ")");
    }
    ByteBuffer buffer = ByteBuffer.wrap(state, 1, STATE_BYTES - 1);
    long restoredPosition = buffer.getLong();
    long restoredAsked = buffer.getLong();
    if (restoredPosition < 0 || restoredAsked < 0 || restoredAsked > restoredPosition) {
      throw new IllegalArgumentException("optimizer '" + ID + "': checkpoint position "
          + restoredPosition + " and trial count " + restoredAsked + " do not fit");
    }
    position = restoredPosition;
    asked = restoredAsked;
  }
}
