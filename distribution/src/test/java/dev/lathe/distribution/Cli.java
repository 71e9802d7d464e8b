package dev.lathe.distribution;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Launches the real {@code lathe} CLI from the distribution's module path, as ./lathe does. */
final class Cli {

  static final Path MODULES = Path.of(System.getProperty("lathe.modules"));
  /** ND4J's jars, which stay on the class path beside the module path. */
  static final Path CLASSPATH = Path.of(System.getProperty("lathe.classpath"));
  /**
   * The build of ND4J's natives that ./lathe picks here: {@code LATHE_ND4J_NATIVES} if set,
   * else {@code onednn-avx2} on Linux x86_64 CPUs with AVX2, else {@code default}.
   */
  static final String NATIVES = natives();
  /** The folder of that build's jar, beside {@link #CLASSPATH}. */
  static final Path NATIVES_JARS = Path.of(System.getProperty("lathe.natives")).resolve(NATIVES);
  static final Path ROOT = Path.of(System.getProperty("lathe.root")).toAbsolutePath().normalize();

  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  /** What ./lathe passes for Hazelcast, the distributed executor. */
  static final List<String> HAZELCAST_FLAGS = List.of(
      "--add-modules", "java.se,jdk.net,jdk.management,jdk.unsupported",
      "--add-exports", "java.base/jdk.internal.ref=com.hazelcast.core",
      "--add-opens", "java.base/java.lang=com.hazelcast.core",
      "--add-opens", "java.base/sun.nio.ch=com.hazelcast.core",
      "--add-opens", "java.management/sun.management=com.hazelcast.core",
      "--add-opens", "jdk.management/com.sun.management.internal=com.hazelcast.core");

  /** The command that starts the CLI with {@code args}, in {@code dir}. */
  static ProcessBuilder command(Path dir, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(HAZELCAST_FLAGS);
    cmd.addAll(List.of(
        "-Duser.home=" + dir, "-p", MODULES.toString(),
        "-cp", CLASSPATH.resolve("*") + File.pathSeparator + NATIVES_JARS.resolve("*"),
        "-m", "dev.lathe.core/dev.lathe.core.internal.cli.LatheCommand"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("LATHE_PLUGINS_DIR");
    pb.environment().put("LATHE_CACHE", dir.resolve(".cache").toString());
    pb.environment().put("HOME", dir.toString());
    return pb;
  }

  /** As the launcher ./lathe chooses the build of ND4J's natives. */
  private static String natives() {
    String chosen = System.getenv("LATHE_ND4J_NATIVES");
    if (chosen != null && !chosen.isEmpty()) {
      if (!chosen.equals("default") && !chosen.equals("onednn-avx2")) {
        throw new IllegalStateException(
            "LATHE_ND4J_NATIVES is '" + chosen + "'; it must be default or onednn-avx2");
      }
      return chosen;
    }
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!System.getProperty("os.name").equals("Linux")
        || !System.getProperty("os.arch").equals("amd64") || !Files.isReadable(cpuinfo)) {
      return "default";
    }
    try (var lines = Files.lines(cpuinfo)) {
      boolean avx2 = lines.filter(line -> line.startsWith("flags"))
          .anyMatch(line -> List.of(line.split("\\s+")).contains("avx2"));
      return avx2 ? "onednn-avx2" : "default";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + cpuinfo, e);
    }
  }

  /** Runs the CLI with {@code args} in {@code dir} to its end (at most two minutes). */
  static Result run(Path dir, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = command(dir, args).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("lathe " + String.join(" ", args) + " ran over two minutes");
    }
    Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
