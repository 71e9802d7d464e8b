package dev.lathe.benchmarks;

import dev.lathe.plugin.gcnrl.circuit.Circuit;
import dev.lathe.plugin.gcnrl.circuit.CircuitSpace;
import dev.lathe.plugin.gcnrl.circuit.Circuits;
import dev.lathe.plugin.gcnrl.circuit.TechnologyNode;
import dev.lathe.plugin.gcnrl.spice.Deck;
import dev.lathe.plugin.gcnrl.spice.SharedLibrarySimulator;
import dev.lathe.plugin.gcnrl.spice.Simulator;
import dev.lathe.plugin.gcnrl.spice.SimulatorPool;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.LoggerFactory;

/**
 * Simulations per second of the gcnrl plugin's ngspice backend: in-process through
 * libngspice (JNA) beside a new {@code ngspice -b} process per deck, which is what a script that
 * calls the simulator would do; sequentially and with two simulators in parallel. The deck is
 * a circuit's human reference sizing (operating point, AC sweep, measurements); every
 * simulation must succeed.
 *
 * <p>Run: {@code benchmarks/run-spice-throughput.sh [--circuit opamp2|tia2|tia3]
 * [--simulations N] [--repeats R]}.
 */
public final class SpiceThroughput {

  /**
   * One measured configuration.
   *
   * @param mode how ngspice ran
   * @param threads how many simulations ran at once
   * @param simulations how many simulations each repeat ran
   * @param rates simulations per second of each repeat
   */
  public record Row(Simulator.Mode mode, int threads, int simulations, List<Double> rates) {

    /** The median rate. */
    public double median() {
      List<Double> sorted = rates.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }

  private final Deck deck;
  private final int simulations;
  private final int repeats;

  /** A benchmark of {@code circuit}'s reference deck on berkeley-a. */
  public SpiceThroughput(String circuit, int simulations, int repeats) {
    Circuit c = Circuits.builtIn(circuit);
    CircuitSpace space = new CircuitSpace(c, TechnologyNode.builtIn("berkeley-a"));
    this.deck = space.deck(space.reference());
    this.simulations = simulations;
    this.repeats = repeats;
  }

  /** Measures process and in-process modes, one and two at a time; process sequential first. */
  public List<Row> measure() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (Simulator.Mode mode : List.of(Simulator.Mode.PROCESS, Simulator.Mode.IN_PROCESS)) {
      for (int threads : List.of(1, 2)) {
        SimulatorPool pool = SimulatorPool.open(mode, threads, "ngspice",
            SharedLibrarySimulator.DEBIAN_LIBRARY, Duration.ofSeconds(60),
            LoggerFactory.getLogger(SpiceThroughput.class));
        if (pool.mode() != mode) {
          throw new IllegalStateException("libngspice did not load; install libngspice0");
        }
        run(pool, threads, Math.max(2, simulations / 10));
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
          long t0 = System.nanoTime();
          run(pool, threads, simulations);
          rates.add(simulations / ((System.nanoTime() - t0) / 1e9));
        }
        rows.add(new Row(mode, threads, simulations, rates));
      }
    }
    return rows;
  }

  private void run(Simulator simulator, int threads, int count) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(executor.submit(() -> {
          var s = simulator.simulate(deck);
          if (!s.succeeded()) {
            throw new IllegalStateException("reference deck failed: " + s.failure());
          }
          return s;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      executor.shutdownNow();
    }
  }

  /** Prints the table with each row's ratio to sequential processes. */
  public static void print(List<Row> rows, PrintStream out) {
    double base = rows.get(0).median();
    out.println("mode        threads  simulations  sims/s   vs process x1");
    for (Row r : rows) {
      out.println(String.format(Locale.ROOT, "%-10s  %7d  %11d  %7.1f  %6.1fx",
          r.mode().name().toLowerCase(Locale.ROOT), r.threads(), r.simulations(), r.median(),
          r.median() / base));
    }
  }

  /** Runs the benchmark; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    String circuit = "opamp2";
    int simulations = 200;
    int repeats = 3;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--circuit" -> circuit = args[i + 1];
        case "--simulations" -> simulations = Integer.parseInt(args[i + 1]);
        case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (use --circuit C, --simulations N, --repeats R)");
      }
    }
    print(new SpiceThroughput(circuit, simulations, repeats).measure(), System.out);
  }
}
