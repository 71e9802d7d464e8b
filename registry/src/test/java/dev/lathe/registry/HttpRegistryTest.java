package dev.lathe.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder registry served as static files over HTTP on loopback. */
class HttpRegistryTest {

  @TempDir
  Path dir;
  HttpServer server;
  String url;
  KeyPair keys;
  TrustedKeys trusted;

  @BeforeEach
  void serveARegistry() throws IOException {
    keys = Fixtures.keys(dir.resolve("keys"), "publisher");
    trusted = Fixtures.trust(dir.resolve("trusted"), keys);
    Path folder = dir.resolve("registry");
    Publisher.publish(Fixtures.jar(dir.resolve("build"), "sample", "1.0.0", (String) null),
        folder, keys);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/lathe/", exchange -> {
      Path file = folder.resolve(exchange.getRequestURI().getPath().substring("/lathe/".length()));
      if (!Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      byte[] bytes = Files.readAllBytes(file);
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/lathe";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void installsFromAnHttpRegistry() {
    Registry registry = Registry.open(new RegistryLocation("web", url, false), trusted);
    assertEquals(url + "/archives/sample/sample-1.0.0.jar",
        registry.archiveLocation(registry.index().versions("sample").get(0)));
    PluginInstaller installer = new PluginInstaller(dir.resolve("plugins"));
    installer.install(registry, Fixtures.resolve(registry, "sample"));
    assertEquals(List.of("sample 1.0.0"),
        installer.installed().stream().map(InstalledPlugin::toString).toList());
    assertEquals("web", installer.installed().get(0).registry());
    assertEquals(List.of(), installer.verify());
  }

  @Test
  void aFolderWithoutAnIndexAndAClosedPortAreRefused() throws IOException {
    RegistryException empty = assertThrows(RegistryException.class, () -> Registry.open(
        new RegistryLocation("web", url + "/archives", false), trusted));
    assertEquals(RegistryException.Kind.IO, empty.kind());
    assertEquals("registry web (" + url + "/archives) has no index.json", empty.getMessage());

    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String closed = "http://127.0.0.1:" + port + "/";
    RegistryException unreachable = assertThrows(RegistryException.class,
        () -> Registry.open(new RegistryLocation(closed, closed, false), trusted));
    assertEquals(RegistryException.Kind.IO, unreachable.kind());
    assertTrue(unreachable.getMessage().startsWith("registry " + closed
        + " is unreachable: ConnectException"), unreachable.getMessage());
  }
}
