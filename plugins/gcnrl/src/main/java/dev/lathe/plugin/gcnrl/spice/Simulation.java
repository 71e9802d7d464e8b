package dev.lathe.plugin.gcnrl.spice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The outcome of one simulation: every result of the deck as a finite number, or the reason why
 * there is none (a non-convergent analysis, a failed measurement, a crashed simulator). A failed
 * simulation never carries numbers.
 *
 * @param values the results by name; empty when failed
 * @param failure why the simulation failed, or {@code null} when it succeeded
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Simulation(Map<String, Double> values, String failure) {

  /** Copies the values. */
  public Simulation {
    values = Map.copyOf(values);
    if (failure != null && !values.isEmpty()) {
      throw new IllegalArgumentException("a failed simulation carries no values");
    }
  }

  /** A successful simulation. */
  public static Simulation of(Map<String, Double> values) {
    return new Simulation(values, null);
  }

  /** A failed simulation. */
  public static Simulation failed(String reason) {
    return new Simulation(Map.of(), reason);
  }

  /** Whether the simulation succeeded. */
  public boolean succeeded() {
    return failure == null;
  }

  /** The reason of a failure, if any. */
  public Optional<String> failureReason() {
    return Optional.ofNullable(failure);
  }

  /** The result {@code name} of a successful simulation. */
  public double value(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new NoSuchElementException("simulation has no result '" + name + "'"
          + (failure == null ? "; it has " + values.keySet() : "; it failed: " + failure));
    }
    return v;
  }
}
