package dev.lathe.api.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.Workload;
import org.apiguardian.api.API;

/**
 * A model that compressors transform: an architecture with its weights, described well enough
 * to be counted and costed. Implementations carry the weights in whatever form their
 * evaluators execute.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Model extends Workload {

  /** The architecture's name, e.g. {@code ofa-mbv3} or {@code micronet-lm}. */
  String architecture();

  /** The number of stored parameters, counting pruned ones as stored unless removed. */
  long parameterCount();

  /** The storage size in bits; default 32 bits per parameter. */
  default long sizeBits() {
    return parameterCount() * 32;
  }

  @Override
  default String kind() {
    return "model";
  }
}
