package dev.lathe.plugin.gcnrl.reproduce;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Optuna's TPE sampler (Debian's {@code python3-optuna}, run by {@code /usr/bin/python3}) as an
 * outside peer: the script {@code optuna_peer.py} asks, this side simulates with the same
 * evaluator as every other method and tells the figure of merit back.
 */
final class OptunaPeer implements AutoCloseable {

  static final String PYTHON = "/usr/bin/python3";

  private final Process process;
  private final BufferedReader from;
  private final PrintWriter to;
  private final SearchSpace space;
  private final String version;

  private OptunaPeer(Process process, SearchSpace space) throws IOException {
    this.process = process;
    this.space = space;
    this.from = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    this.to = new PrintWriter(new OutputStreamWriter(process.getOutputStream(),
        StandardCharsets.UTF_8), true);
    String ready = from.readLine();
    if (ready == null || !ready.startsWith("READY ")) {
      throw new IOException("optuna_peer.py did not start: " + ready);
    }
    version = ready.substring("READY ".length());
  }

  /** Whether {@code /usr/bin/python3} can import optuna. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import optuna").redirectErrorStream(true)
          .start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts a TPE study over {@code space}'s real dimensions, seeded with {@code seed}. */
  static OptunaPeer start(SearchSpace space, long seed, Path folder) throws IOException {
    Path script = folder.resolve("optuna_peer.py");
    try (InputStream in = OptunaPeer.class.getResourceAsStream("optuna_peer.py")) {
      if (in == null) {
        throw new IOException("optuna_peer.py is missing from the gcnrl plugin jar");
      }
      Files.createDirectories(folder);
      Files.write(script, in.readAllBytes());
    }
    Process process = new ProcessBuilder(PYTHON, script.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    PrintWriter setup = new PrintWriter(new OutputStreamWriter(process.getOutputStream(),
        StandardCharsets.UTF_8), true);
    setup.println("SEED " + (seed & 0x7fffffffL));
    for (Dimension d : space.dimensions()) {
      if (!(d instanceof RealDimension r)) {
        throw new IllegalArgumentException("the Optuna peer handles real dimensions only, not '"
            + d.name() + "'");
      }
      setup.println(String.format(Locale.ROOT, "DIM %s %.17g %.17g %d", r.name(), r.low(),
          r.high(), r.log() ? 1 : 0));
    }
    setup.println("END");
    return new OptunaPeer(process, space);
  }

  /** The Optuna version that runs. */
  String version() {
    return version;
  }

  /** The next candidate. */
  Candidate ask() {
    to.println("NEXT");
    try {
      String line = from.readLine();
      if (line == null || !line.startsWith("ASK ")) {
        throw new IllegalStateException("optuna_peer.py answered '" + line + "' to NEXT");
      }
      String[] parts = line.substring(4).split(" ");
      List<Dimension> dims = space.dimensions();
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < dims.size(); i++) {
        RealDimension r = (RealDimension) dims.get(i);
        values.put(r.name(), Math.min(r.high(), Math.max(r.low(), Double.parseDouble(parts[i]))));
      }
      return Candidate.of(values);
    } catch (IOException e) {
      throw new UncheckedIOException("optuna_peer.py stopped answering", e);
    }
  }

  /** Tells the figure of merit of the last candidate, or a failure when empty. */
  void tell(OptionalDouble fom) {
    to.println(fom.isPresent() ? "TELL " + fom.getAsDouble() : "TELL fail");
  }

  @Override
  public void close() {
    to.println("STOP");
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
