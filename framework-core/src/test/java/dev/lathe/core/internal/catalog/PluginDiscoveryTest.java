package dev.lathe.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {

  @TempDir
  Path plugins;

  /** The kernel's own providers: the local executor, and the local and memory stores. */
  private static final List<String> KERNEL = List.of("executor local", "result-store local",
      "result-store memory");

  private static List<String> entries(PluginCatalog catalog) {
    return catalog.entries().stream().map(e -> e.point().label() + " " + e.id()).sorted().toList();
  }

  @Test
  void kernelAloneProvidesItsOwnExecutorAndStores() {
    try (PluginCatalog catalog = PluginDiscovery.discover(null)) {
      assertEquals(KERNEL, entries(catalog));
      catalog.entries().forEach(e -> assertEquals("built-in (module dev.lathe.core)", e.location()));
      assertEquals(List.of(), catalog.rejections());
    }
  }

  @Test
  void anInterruptedPluginChangeIsRolledBackBeforeTheFolderIsRead() throws IOException {
    Path staging = Files.createDirectories(plugins.resolve(".install-7/replaced"));
    Files.writeString(staging.resolve("old.jar"), "the jar the change moved out");
    Files.writeString(plugins.resolve("new.jar"), "the jar the change moved in");
    Files.writeString(staging.resolveSibling("journal.json"),
        "{\"had_record\":false,\"moves\":[\"new.jar\"],\"replaced\":[\"old.jar\"]}");

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins)) {
      assertEquals(List.of(plugins.resolve("old.jar").toString()),
          catalog.rejections().stream().map(Rejection::location).toList(),
          "only the restored jar is read");
    }
    try (var files = Files.list(plugins)) {
      assertEquals(List.of(".lathe-install.lock", "old.jar"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    assertEquals("the jar the change moved out", Files.readString(plugins.resolve("old.jar")));
  }

  @Test
  void onlyVisibleJarsAndZipsAreConsidered() throws IOException {
    Files.writeString(plugins.resolve("README.txt"), "not a plugin");
    Files.writeString(plugins.resolve(".hidden.jar"), "not even a zip");
    Files.createDirectories(plugins.resolve("unpacked.jar"));
    Path garbage = Files.writeString(plugins.resolve("garbage.JAR"), "not even a zip");

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins)) {
      assertEquals(KERNEL, entries(catalog));
      assertEquals(1, catalog.rejections().size(), catalog.rejections().toString());
      Rejection rejection = catalog.rejections().get(0);
      assertEquals("?", rejection.plugin());
      assertEquals(garbage.toString(), rejection.location());
      assertTrue(rejection.reason().startsWith("PF4J cannot load it: Cannot read manifest"),
          rejection.reason());
    }
  }

  @Test
  void jarWithoutProvidersIsRejectedAndUnloaded() throws IOException {
    Path jar = plugins.resolve("empty.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Plugin-Id", "empty");
    manifest.getMainAttributes().putValue("Plugin-Version", "1.0.0");
    new JarOutputStream(Files.newOutputStream(jar), manifest).close();

    PluginCatalog catalog = PluginDiscovery.discover(plugins);
    assertEquals(List.of(new Rejection("empty", jar.toString(),
        "it lists no provider of a Lathe extension point in META-INF/services")),
        catalog.rejections());
    catalog.close();
    catalog.close();
  }

  @Test
  void closeReportsACheckedFailureAsIllegalState() {
    PluginCatalog catalog = new PluginCatalog(List.of(), List.of(), () -> {
      throw new IOException("disk gone");
    });
    IllegalStateException e = assertThrows(IllegalStateException.class, catalog::close);
    assertEquals("cannot release the plugins: java.io.IOException: disk gone", e.getMessage());
  }
}
