package dev.lathe.api.optimize;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.space.Candidate;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An ask/tell optimizer over a {@link Problem}: the kernel asks for candidates, evaluates them,
 * and tells the outcomes back, failed trials included.
 *
 * <p>An optimizer is used from one thread. Given the same seed and the same sequence of asks
 * and tells it must return the same candidates, so that runs are reproducible.
 */
@API(status = STABLE, since = "0.1")
public interface Optimizer {

  /** The id of the plugin that made this optimizer. */
  String id();

  /**
   * The next {@code n} candidates to evaluate, which may be evaluated in parallel.
   *
   * @param n how many, at least 1
   * @return exactly {@code n} candidates of the problem's space
   */
  List<Candidate> ask(int n);

  /** Tells the outcome of one trial that this optimizer asked for. */
  void tell(Observation observation);

  /**
   * The optimizer's whole state as bytes, from which {@link #restore} continues exactly where
   * this one stands. Default: empty, meaning the optimizer is not checkpointable and the kernel
   * rebuilds it on resume by replaying the recorded asks and tells.
   */
  default Optional<byte[]> checkpoint() {
    return Optional.empty();
  }

  /**
   * Replaces this optimizer's state by one from {@link #checkpoint()}; called on a fresh
   * optimizer made for the same problem with the same settings.
   *
   * @throws UnsupportedOperationException by default
   */
  default void restore(byte[] state) {
    throw new UnsupportedOperationException("optimizer '" + id() + "' is not checkpointable");
  }
}
