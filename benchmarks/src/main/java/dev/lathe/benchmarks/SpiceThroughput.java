package dev.lathe.benchmarks;

import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentListener;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.Lathe;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Simulations per second of the gcnrl plugin's ngspice backend, reached through the kernel
 * only: an experiment with random search over the {@code gcnrl-circuit} space, evaluated by
 * {@code gcnrl-spice} in-process (libngspice through JNA) beside a new {@code ngspice -b}
 * process per simulation, which is what a script that calls the simulator would do;
 * sequentially and with two trials (and simulators) at once. A rate counts every finished trial
 * from the first ask to the last tell, a sizing whose simulation failed included.
 *
 * <p>Run: {@code benchmarks/run-spice-throughput.sh [--circuit opamp2|tia2|tia3]
 * [--simulations N] [--repeats R]}.
 */
public final class SpiceThroughput {

  /** The evaluator's modes, in the order they are measured. */
  public static final List<String> MODES = List.of("process", "in_process");

  /**
   * One measured configuration.
   *
   * @param mode how ngspice ran: {@code process} or {@code in_process}
   * @param threads how many simulations ran at once
   * @param simulations how many simulations each repeat ran
   * @param rates simulations per second of each repeat
   */
  public record Row(String mode, int threads, int simulations, List<Double> rates) {

    /** The median rate. */
    public double median() {
      List<Double> sorted = rates.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }

  private final String circuit;
  private final int simulations;
  private final int repeats;

  /** A benchmark of random sizings of {@code circuit} on berkeley-a. */
  public SpiceThroughput(String circuit, int simulations, int repeats) {
    this.circuit = circuit;
    this.simulations = simulations;
    this.repeats = repeats;
  }

  /** Measures process and in-process modes, one and two at a time; process sequential first. */
  public List<Row> measure() throws IOException {
    List<Row> rows = new ArrayList<>();
    Path scratch = Files.createTempDirectory("lathe-spice");
    try (Lathe lathe = Lathe.open(scratch.resolve("no-plugins"))) {
      for (String mode : MODES) {
        for (int threads : List.of(1, 2)) {
          run(lathe, mode, threads, Math.max(2, simulations / 10));
          List<Double> rates = new ArrayList<>();
          for (int r = 0; r < repeats; r++) {
            rates.add(run(lathe, mode, threads, simulations));
          }
          rows.add(new Row(mode, threads, simulations, rates));
        }
      }
    }
    return rows;
  }

  /** One experiment of {@code count} random sizings; simulations per second. */
  private double run(Lathe lathe, String mode, int threads, int count) {
    long[] span = new long[2];
    Map<String, Object> circuitSettings = Map.of("circuit", circuit, "node", "berkeley-a");
    ExperimentResult result = lathe.newExperiment().name("spice-throughput").seed(1)
        .space("gcnrl-circuit", circuitSettings)
        .evaluator("gcnrl-spice", Map.of("circuit", circuit, "node", "berkeley-a",
            "mode", mode, "parallelism", threads))
        .optimizer("random").maximize("fom").trials(count).batch(threads)
        .executor("local", Map.of("threads", threads))
        .store("memory", Map.of())
        .listener(new ExperimentListener() {
          @Override
          public void started(String name, long budgetTrials, long stored) {
            span[0] = System.nanoTime();
          }

          @Override
          public void trialFinished(TrialRecord record, boolean reused, long finished,
              OptionalDouble best) {
            span[1] = System.nanoTime();
          }
        })
        .run();
    if (result.trials().size() != count) {
      throw new IllegalStateException("gcnrl-spice (" + mode + ") ran " + result.trials().size()
          + " of " + count + " trials");
    }
    return count / ((span[1] - span[0]) / 1e9);
  }

  /** Prints the table with each row's ratio to sequential processes. */
  public static void print(List<Row> rows, PrintStream out) {
    double base = rows.get(0).median();
    out.println("mode        threads  simulations  sims/s   vs process x1");
    for (Row r : rows) {
      out.println(String.format(Locale.ROOT, "%-10s  %7d  %11d  %7.1f  %6.1fx",
          r.mode(), r.threads(), r.simulations(), r.median(), r.median() / base));
    }
  }

  /** Runs the benchmark; see the class comment for the options. */
  public static void main(String[] args) throws IOException {
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
