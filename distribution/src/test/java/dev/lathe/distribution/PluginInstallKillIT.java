package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lathe.api.LatheApi;
import dev.lathe.registry.InstalledPlugin;
import dev.lathe.registry.PluginArchive;
import dev.lathe.registry.PluginInstaller;
import dev.lathe.registry.Publisher;
import dev.lathe.registry.Registry;
import dev.lathe.registry.RegistryLocation;
import dev.lathe.registry.Resolver;
import dev.lathe.registry.SigningKeys;
import dev.lathe.registry.TrustedKeys;
import dev.lathe.testkit.fixtures.FaultyEvaluatorProvider;
import dev.lathe.testkit.fixtures.SlowEvaluatorProvider;
import dev.lathe.testkit.jar.PluginJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lathe plugin install} killed with SIGKILL: while an archive downloads, after an archive
 * is staged, after its journal is written, and between the renames into the plugins directory.
 * The install replaces sphere 1.0.0 by 1.1.0 and adds fixtures 1.0.0 (which needs sphere 1.1 or
 * newer). The next {@code lathe plugin} command finds the installed set exactly as it was: the
 * download is held until the kill, so that case is exact; the other kills follow a line of the
 * debug log, and the process may finish the last few renames before the signal lands, so there
 * the whole new set is accepted too, never anything in between. (The registry module's
 * {@code CrashRecoveryTest} halts a process at each step exactly.)
 */
class PluginInstallKillIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> OLD = List.of("sphere 1.0.0");
  private static final List<String> NEW = List.of("fixtures 1.0.0", "sphere 1.1.0");

  @TempDir
  Path dir;
  Path plugins;
  HttpServer server;
  ExecutorService handlers;
  String url;
  CountDownLatch fixturesRequested = new CountDownLatch(1);
  CountDownLatch gate = new CountDownLatch(1);

  @BeforeEach
  void serveARegistryAndInstallSphere() throws Exception {
    plugins = dir.resolve(".lathe/plugins");
    KeyPair keys = SigningKeys.generate();
    Path publicKey = dir.resolve("publisher.pub");
    SigningKeys.writePublicKey(keys.getPublic(), publicKey);
    TrustedKeys trusted = TrustedKeys.in(dir.resolve(".lathe/trusted-keys"));
    trusted.trust(publicKey);
    Path folder = dir.resolve("registry");
    Publisher.publish(PluginRegistryIT.EXAMPLE, folder, keys);
    Path build = dir.resolve("build");
    Publisher.publish(PluginJar.withId("sphere").version("1.1.0").requires("[0.1,1.0)")
        .provider(SlowEvaluatorProvider.class).writeTo(build), folder, keys);
    Publisher.publish(PluginJar.withId("fixtures").version("1.0.0").requires("[0.1,1.0)")
        .attribute(PluginArchive.DEPENDENCIES, "sphere@[1.1,2.0)")
        .provider(FaultyEvaluatorProvider.class).writeTo(build), folder, keys);

    handlers = Executors.newCachedThreadPool();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(handlers);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath().substring(1);
      if (path.endsWith("fixtures-1.0.0.jar")) {
        fixturesRequested.countDown();
        try {
          gate.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Path file = folder.resolve(path);
      try (exchange) {
        if (!Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        byte[] bytes = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      } catch (IOException e) {
        // the client was killed while the archive was on its way
      }
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

    Registry registry = Registry.open(new RegistryLocation("web", url, false), trusted);
    new PluginInstaller(plugins).install(registry, new Resolver(registry.index(), "web",
        Map.of(), Set.of(), LatheApi.VERSION, Set.of())
        .resolve(List.of(Resolver.Requirement.parse("sphere@[1.0]"))));
    assertEquals(OLD, installed());
  }

  @AfterEach
  void stop() {
    gate.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  private List<String> installed() {
    return new PluginInstaller(plugins).installed().stream().map(InstalledPlugin::toString)
        .sorted().toList();
  }

  private Process startInstall() throws Exception {
    return Cli.command(dir, "plugin", "install", "fixtures", "--registry", url, "--debug")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Starts the install and kills it with SIGKILL when its debug log shows {@code marker}. */
  private void killAt(String marker) throws Exception {
    gate.countDown();
    Process install = startInstall();
    List<String> seen = new ArrayList<>();
    try (BufferedReader err = new BufferedReader(
        new InputStreamReader(install.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null) {
        seen.add(line);
        if (line.contains(marker)) {
          install.destroyForcibly();
          break;
        }
      }
    }
    assertTrue(install.waitFor(1, TimeUnit.MINUTES));
    assertEquals(137, install.exitValue(), "killed at '" + marker + "': " + seen);
  }

  /**
   * Runs {@code lathe plugin list} (which recovers) and checks that the installed set is one of
   * {@code acceptable}, that exactly its jars lie in the plugins directory, that nothing of the
   * transaction is left, and that every jar is as recorded.
   */
  private void assertRecoveredTo(List<List<String>> acceptable) throws Exception {
    Cli.Result list = Cli.run(dir, "plugin", "list", "--format", "json");
    assertEquals(0, list.exit(), list.toString());
    List<String> listed = new ArrayList<>();
    for (JsonNode p : JSON.readTree(list.out()).get("installed")) {
      listed.add(p.get("id").asText() + " " + p.get("version").asText());
    }
    List<String> recovered = listed.stream().sorted().toList();
    assertTrue(acceptable.contains(recovered), recovered + " is none of " + acceptable);
    assertEquals(0, JSON.readTree(list.out()).get("other_files").size(), list.out());
    try (Stream<Path> files = Files.list(plugins)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      List<String> wanted = new ArrayList<>(List.of(".lathe-install.lock",
          "lathe-installed.json"));
      recovered.forEach(p -> wanted.add(p.replace(' ', '-') + ".jar"));
      assertEquals(wanted.stream().sorted().toList(), names);
    }
    assertEquals(List.of(), new PluginInstaller(plugins).verify());
  }

  @Test
  void killedWhileDownloadingLeavesTheInstalledSetAsItWas() throws Exception {
    Process install = startInstall();
    assertTrue(fixturesRequested.await(2, TimeUnit.MINUTES),
        "the install never asked for the fixtures archive");
    install.destroyForcibly();
    assertTrue(install.waitFor(1, TimeUnit.MINUTES));
    gate.countDown();
    try (Stream<Path> files = Files.list(plugins)) {
      List<Path> staging = files.filter(p -> p.getFileName().toString().startsWith(".install-"))
          .toList();
      assertEquals(1, staging.size(), "the kill came mid-transaction");
      assertTrue(Files.exists(staging.get(0).resolve("sphere-1.1.0.jar")),
          "sphere 1.1.0 was staged and verified before the kill");
    }
    assertRecoveredTo(List.of(OLD));
  }

  @Test
  void killedAfterStagingLeavesOneOfTheTwoWholeSets() throws Exception {
    killAt("staged fixtures 1.0.0");
    assertRecoveredTo(List.of(OLD, NEW));
  }

  @Test
  void killedAfterTheJournalIsRolledBackByTheNextCommand() throws Exception {
    killAt("journal written");
    assertRecoveredTo(List.of(OLD, NEW));
  }

  @Test
  void killedBetweenTheRenamesIsRolledBackByTheNextCommand() throws Exception {
    killAt("moved in sphere-1.1.0.jar");
    assertRecoveredTo(List.of(OLD, NEW));
  }
}
