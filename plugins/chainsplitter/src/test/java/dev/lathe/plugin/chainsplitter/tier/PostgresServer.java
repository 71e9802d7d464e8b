package dev.lathe.plugin.chainsplitter.tier;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server of Debian's {@code postgresql} package, started for a test on
 * 127.0.0.1 and a free port, in a fresh cluster in a temporary folder, with trust
 * authentication for user {@code lathe}. PostgreSQL refuses to run as root, so under root its
 * programs run as the package's {@code postgres} user ({@code runuser}), which owns the folder.
 */
public final class PostgresServer implements AutoCloseable {

  private final Path folder;
  private final Path bin;
  private final int port;
  private final boolean asPostgres;

  private PostgresServer(Path folder, Path bin, int port, boolean asPostgres) {
    this.folder = folder;
    this.bin = bin;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** Creates a cluster and starts the server. */
  public static PostgresServer start() throws IOException, InterruptedException {
    Path bin = binaries();
    boolean root = System.getProperty("user.name").equals("root");
    Path folder = Files.createTempDirectory("lathe-pg");
    if (root) {
      UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName("postgres");
      Files.setOwner(folder, postgres);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgresServer server = new PostgresServer(folder, bin, port, root);
    server.run("initdb", "-D", folder.resolve("data").toString(), "-U", "lathe",
        "--auth=trust", "-E", "UTF8", "--no-sync");
    server.startServer();
    return server;
  }

  private static Path binaries() throws IOException {
    Path versions = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(versions)) {
      throw new IOException("PostgreSQL is not installed: no " + versions + " (Debian package"
          + " 'postgresql'; ./run-tests installs it)");
    }
    try (Stream<Path> s = Files.list(versions)) {
      return s.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
              .replaceAll("\\D", "0"))))
          .orElseThrow(() -> new IOException("no pg_ctl under " + versions));
    }
  }

  /** The JDBC URL of database {@code postgres} as user {@code lathe}. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=lathe";
  }

  /** Starts the stopped server. */
  void startServer() throws IOException, InterruptedException {
    run("pg_ctl", "-D", folder.resolve("data").toString(), "-l",
        folder.resolve("server.log").toString(), "-w", "-t", "60", "-o",
        "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
  }

  /** Stops the server at once, as a crash or a network cut would. */
  void stopServer() throws IOException, InterruptedException {
    run("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
  }

  private void run(String program, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (asPostgres) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.add(bin.resolve(program).toString());
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile("lathe-pg", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " ran over 90 s");
    }
    String out = Files.readString(log);
    Files.delete(log);
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      stopServer();
    } finally {
      delete(folder);
    }
  }

  private static void delete(Path p) throws IOException {
    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> children = Files.newDirectoryStream(p)) {
        for (Path c : children) {
          delete(c);
        }
      }
    }
    Files.deleteIfExists(p);
  }
}
