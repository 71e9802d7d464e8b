package dev.lathe.plugin.gcnrl.spice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Runs decks on ngspice. Implementations are safe to call from several threads; the
 * in-process one serialises calls on its library instance, the pool spreads them over several.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Simulator {

  /** Which way the simulator reaches ngspice. */
  enum Mode {
    /** A new {@code ngspice -b} process per deck. */
    PROCESS,
    /** libngspice's shared API inside this JVM, through JNA. */
    IN_PROCESS
  }

  /** The mode of this simulator. */
  Mode mode();

  /** Simulates {@code deck}; never throws for a circuit that fails, it returns the failure. */
  Simulation simulate(Deck deck);
}
