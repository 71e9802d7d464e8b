package dev.lathe.core.internal.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Brings an npm package's tarball with the registry's own client: {@code npm pack SPEC}. */
final class Npm {

  /** How long {@code npm pack} may take. */
  private static final long TIMEOUT_MINUTES = 10;

  private Npm() {}

  /**
   * Runs {@code npm pack SPEC --ignore-scripts} in {@code folder} and returns the tarball.
   *
   * @throws IOException with npm's last message if it fails or does not finish in time
   */
  static Path pack(Path npm, String spec, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path log = folder.resolve("npm.log");
    Process process = new ProcessBuilder(List.of(npm.toString(), "pack", spec, "--ignore-scripts",
        "--silent")).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("'npm pack " + spec + "' did not finish in " + TIMEOUT_MINUTES
            + " minutes");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("'npm pack " + spec + "' was interrupted", e);
    }
    if (process.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank()).toList();
      throw new IOException("'npm pack " + spec + "' failed with exit code "
          + process.exitValue() + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1)));
    }
    try (DirectoryStream<Path> tarballs = Files.newDirectoryStream(folder, "*.tgz")) {
      for (Path tarball : tarballs) {
        return tarball;
      }
    }
    throw new IOException("'npm pack " + spec + "' wrote no tarball into " + folder);
  }
}
