package dev.lathe.plugin.gcnrl.spice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Runs each deck as a new {@code ngspice -b} process: the deck is written to a temporary file
 * with its commands and prints in a {@code .control} block (in batch mode ngspice simulates
 * nothing without one), stdout is parsed for the results and stderr for failures.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProcessSimulator implements Simulator {

  private final String executable;
  private final Duration timeout;

  /**
   * A simulator that starts {@code executable}.
   *
   * @param executable the ngspice command, e.g. {@code ngspice} or {@code /usr/bin/ngspice}
   * @param timeout how long one simulation may run before it is killed and reported failed
   */
  public ProcessSimulator(String executable, Duration timeout) {
    this.executable = executable;
    this.timeout = timeout;
  }

  @Override
  public Mode mode() {
    return Mode.PROCESS;
  }

  /** The deck as ngspice batch input: netlist, then the control block, then {@code .end}. */
  static List<String> batchInput(Deck deck) {
    List<String> lines = new ArrayList<>(deck.netlist().subList(0, deck.netlist().size() - 1));
    lines.add(".control");
    lines.addAll(deck.script());
    lines.add(".endc");
    lines.add(".end");
    return lines;
  }

  @Override
  public Simulation simulate(Deck deck) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("lathe-ngspice");
      Path input = Files.write(dir.resolve("deck.cir"), batchInput(deck), StandardCharsets.UTF_8);
      Path out = dir.resolve("stdout.txt");
      Path err = dir.resolve("stderr.txt");
      ProcessBuilder builder = new ProcessBuilder(executable, "-b", input.toString())
          .directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
      // One OpenMP thread per simulation, as in-process: parallelism comes from the pool.
      // ngspice's BSIM4 ignores OMP_NUM_THREADS and runs its variable num_threads (2 when
      // unset), which a .spiceinit in the working folder sets before the deck is parsed.
      builder.environment().put("OMP_NUM_THREADS", "1");
      Files.writeString(dir.resolve(".spiceinit"), "set num_threads=1\n", StandardCharsets.UTF_8);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        return Simulation.failed("ngspice ran past its timeout of " + timeout.toMillis() + " ms");
      }
      List<String> stdout = Files.readAllLines(out, StandardCharsets.UTF_8);
      List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8);
      // The exit status says nothing: batch mode exits with 1 whenever a deck has no .print.
      return OutputParser.parse(stdout, stderr, deck.results());
    } catch (IOException e) {
      return Simulation.failed("cannot run '" + executable + "': " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Simulation.failed("interrupted while ngspice ran");
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temporary folder " + dir, e);
    }
  }
}
