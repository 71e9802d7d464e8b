package dev.lathe.plugin.gcnrl.spice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.apiguardian.api.API;

/**
 * Several simulators of one mode behind one {@link Simulator}: each call borrows a free one, so
 * up to {@link #parallelism()} decks run at once. The in-process mode falls back to processes
 * when libngspice cannot be loaded, and replaces an in-process instance that ngspice has quit.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SimulatorPool implements Simulator {

  private final Mode mode;
  private final Path library;
  private final BlockingQueue<Simulator> free;
  private final List<Simulator> all = new ArrayList<>();

  private SimulatorPool(Mode mode, Path library, List<Simulator> simulators) {
    this.mode = mode;
    this.library = library;
    this.free = new ArrayBlockingQueue<>(simulators.size(), false, simulators);
    this.all.addAll(simulators);
  }

  /**
   * A pool of {@code parallelism} simulators in {@code requested} mode; an in-process request
   * falls back to processes, with a warning on {@code logger}, when the library does not load.
   *
   * @param requested the preferred mode
   * @param parallelism how many decks may run at once, at least 1
   * @param executable the ngspice command for the process mode
   * @param library libngspice for the in-process mode
   * @param timeout the time limit of one simulation in the process mode
   * @param logger where a fallback is reported
   */
  public static SimulatorPool open(Mode requested, int parallelism, String executable,
      Path library, Duration timeout, Logger logger) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("simulator parallelism must be at least 1, got "
          + parallelism);
    }
    List<Simulator> simulators = new ArrayList<>();
    if (requested == Mode.IN_PROCESS) {
      try {
        for (int i = 0; i < parallelism; i++) {
          simulators.add(SharedLibrarySimulator.load(library));
        }
        return new SimulatorPool(Mode.IN_PROCESS, library, simulators);
      } catch (IllegalStateException e) {
        simulators.clear();
        logger.warn("in-process ngspice unavailable ({}); running ngspice as processes",
            e.getMessage());
      }
    }
    for (int i = 0; i < parallelism; i++) {
      simulators.add(new ProcessSimulator(executable, timeout));
    }
    return new SimulatorPool(Mode.PROCESS, library, simulators);
  }

  @Override
  public Mode mode() {
    return mode;
  }

  /** How many decks may run at once. */
  public int parallelism() {
    return all.size();
  }

  @Override
  public Simulation simulate(Deck deck) {
    Simulator simulator;
    try {
      simulator = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Simulation.failed("interrupted while waiting for a free simulator");
    }
    try {
      Simulation result = simulator.simulate(deck);
      if (simulator instanceof SharedLibrarySimulator shared && shared.broken()) {
        simulator = replace(shared);
      }
      return result;
    } finally {
      free.add(simulator);
    }
  }

  private synchronized Simulator replace(SharedLibrarySimulator broken) {
    all.remove(broken);
    SharedLibrarySimulator fresh = SharedLibrarySimulator.load(library);
    all.add(fresh);
    return fresh;
  }
}
