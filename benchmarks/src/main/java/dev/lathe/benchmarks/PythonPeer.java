package dev.lathe.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A peer benchmark written in Python: one script run to completion, its JSON on stdout. */
final class PythonPeer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path python;
  private final Path scripts;

  /** Runs scripts of folder {@code scripts} with the interpreter {@code python}. */
  PythonPeer(Path python, Path scripts) {
    this.python = python;
    this.scripts = scripts;
  }

  /**
   * Runs {@code script} with {@code args} and parses what it prints.
   *
   * @throws IOException naming the command and its standard error if it fails or runs over 30
   *     minutes
   */
  JsonNode run(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(python.toString(),
        scripts.resolve(script).toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("lathe-" + script, ".err");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: "
            + Files.readString(err).strip());
      }
      return JSON.readTree(out);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** The numbers of a JSON array. */
  static List<Double> doubles(JsonNode array) {
    List<Double> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asDouble()));
    return values;
  }
}
