package dev.lathe.plugin.gcnrl.spice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Runs decks inside this JVM through libngspice's shared API. One instance owns one private
 * copy of the library: ngspice keeps its state in globals, so each copy is loaded from its own
 * file (the dynamic loader then maps it separately; the file is deleted once mapped) and calls
 * on one instance are serialised.
 * A pool of instances simulates in parallel.
 *
 * <p>ngspice changes signal handlers that the JVM relies on; {@link SignalDispositions} puts
 * the JVM's back after initialisation and after every deck.
 *
 * <p>Each deck is loaded with {@code ngSpice_Circ}, its commands and prints run with
 * {@code ngSpice_Command}, and the output lines that the {@code SendChar} callback receives are
 * parsed exactly as the process mode parses stdout and stderr. Afterwards {@code destroy all}
 * and {@code remcirc} drop the plots and the circuit, so no vector of one deck can be read by
 * the next.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SharedLibrarySimulator implements Simulator {

  /** Where Debian's {@code libngspice0} puts the library. */
  public static final Path DEBIAN_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libngspice.so.0");

  private final NgspiceLibrary library;
  private final SignalDispositions jvmSignals;
  private final List<String> stdout = new ArrayList<>();
  private final List<String> stderr = new ArrayList<>();
  // Held in fields: JNA callbacks must stay reachable while the library may call them.
  private final NgspiceLibrary.SendChar printer = this::receive;
  private final NgspiceLibrary.SendStat status = (s, id, user) -> 0;
  private final NgspiceLibrary.ControlledExit exit = this::exited;
  private final NgspiceLibrary.BackgroundThreadRunning background = (r, id, user) -> 0;
  private boolean broken;

  private SharedLibrarySimulator(NgspiceLibrary library, SignalDispositions jvmSignals) {
    this.library = library;
    this.jvmSignals = jvmSignals;
  }

  /**
   * Loads a private copy of {@code libraryFile} and initialises it.
   *
   * @throws IllegalStateException naming the file if it cannot be copied, loaded or initialised
   */
  public static SharedLibrarySimulator load(Path libraryFile) {
    Path copy;
    try {
      copy = Files.createTempFile("lathe-libngspice", ".so");
      Files.copy(libraryFile, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("cannot copy libngspice from " + libraryFile + ": "
          + e.getMessage(), e);
    }
    SignalDispositions jvmSignals = new SignalDispositions();
    try {
      NgspiceLibrary library = Native.load(copy.toString(), NgspiceLibrary.class);
      SharedLibrarySimulator simulator = new SharedLibrarySimulator(library, jvmSignals);
      int rc;
      synchronized (SignalDispositions.class) {
        rc = library.ngSpice_Init(simulator.printer, simulator.status, simulator.exit, null,
            null, simulator.background, null);
        jvmSignals.restore();
      }
      // Debian's ngspice loads BSIM4 devices with OpenMP; its spinning team slows a simulation
      // down twentyfold beside the JVM's threads. Parallelism comes from the pool instead.
      library.ngSpice_Command("set num_threads=1");
      if (rc != 0) {
        throw new IllegalStateException("ngSpice_Init of " + libraryFile + " returned " + rc);
      }
      return simulator;
    } catch (UnsatisfiedLinkError e) {
      throw new IllegalStateException("cannot load libngspice from " + libraryFile + ": "
          + e.getMessage(), e);
    } finally {
      deleteCopy(copy);
    }
  }

  @Override
  public Mode mode() {
    return Mode.IN_PROCESS;
  }

  /** Whether ngspice asked to quit; a broken instance fails every deck and is to be replaced. */
  public synchronized boolean broken() {
    return broken;
  }

  @Override
  public synchronized Simulation simulate(Deck deck) {
    if (broken) {
      return Simulation.failed("the in-process ngspice instance has quit after an earlier error");
    }
    stdout.clear();
    stderr.clear();
    List<String> lines = new ArrayList<>(deck.netlist());
    lines.add(null);
    library.ngSpice_Circ(lines.toArray(new String[0]));
    for (String command : deck.script()) {
      library.ngSpice_Command(command);
    }
    Simulation result = broken
        ? Simulation.failed("ngspice quit while simulating: " + String.join(" | ", stderr))
        : OutputParser.parse(stdout, stderr, deck.results());
    if (!broken) {
      library.ngSpice_Command("destroy all");
      library.ngSpice_Command("remcirc");
    }
    jvmSignals.restore();
    return result;
  }

  private int receive(String line, int id, com.sun.jna.Pointer user) {
    if (line.startsWith("stderr ")) {
      stderr.add(line.substring("stderr ".length()));
    } else if (line.startsWith("stdout ")) {
      stdout.add(line.substring("stdout ".length()));
    } else {
      stdout.add(line);
    }
    return 0;
  }

  private int exited(int status, boolean immediate, boolean quit, int id,
      com.sun.jna.Pointer user) {
    broken = true;
    return 0;
  }

  private static void deleteCopy(Path copy) {
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + copy, e);
    }
  }
}
