package dev.lathe.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An install that replaces base 1.0.0 by 1.1.0 and adds sample 1.0.0, halted in a separate JVM
 * (as by {@code kill -9}) after each of its steps: the next operation finds the plugins directory
 * byte for byte as it was, unless the halt came after the commit ({@code done}), when it finds
 * the whole new set.
 */
class CrashRecoveryTest {

  @TempDir
  Path dir;
  Path plugins;
  Path registryFolder;
  Map<String, String> before;

  @BeforeEach
  void installBase() throws IOException {
    KeyPair keys = Fixtures.keys(dir.resolve("keys"), "publisher");
    Fixtures.trust(dir.resolve("trusted"), keys);
    registryFolder = dir.resolve("registry");
    for (Path jar : List.of(
        Fixtures.jar(dir.resolve("build"), "base", "1.0.0", (String) null),
        Fixtures.jar(dir.resolve("build"), "base", "1.1.0", (String) null),
        Fixtures.jar(dir.resolve("build"), "sample", "1.0.0", "base@[1.1,2.0)"))) {
      Publisher.publish(jar, registryFolder, keys);
    }
    plugins = dir.resolve("plugins");
    Registry registry = Registry.open(
        new RegistryLocation("test", registryFolder.toString(), false),
        TrustedKeys.in(dir.resolve("trusted")));
    new PluginInstaller(plugins).install(registry, Fixtures.resolve(registry, "base@[1.0]"));
    before = snapshot();
  }

  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(plugins)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(plugins.relativize(p).toString(), PluginInstaller.sha256(p));
      }
    }
    return files;
  }

  /** The class path of this test's own JVM, module path included, for the child JVM. */
  private static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : List.of(CrashingInstall.class, PluginInstaller.class)) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        entries.addAll(List.of(value.split(File.pathSeparator)));
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  @ParameterizedTest
  @ValueSource(strings = {"staged base 1.1.0", "staged sample 1.0.0", "journal written",
      "moved out base-1.0.0.jar", "moved in base-1.1.0.jar", "moved in sample-1.0.0.jar",
      "recorded", "done"})
  void haltedAfterAStepLeavesTheOldSetOrAfterTheCommitTheNewOne(String step) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", classPath(), CrashingInstall.class.getName(), plugins.toString(),
        registryFolder.toString(), dir.resolve("trusted").toString(), step, "sample"));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
    assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the install did not end");
    assertEquals(137, child.exitValue(), Files.readString(dir.resolve("child.log")));
    PluginInstaller next = new PluginInstaller(plugins);
    assertTrue(next.hasInterruptedChanges(), "the halt left its staging folder");
    next.recoverInterruptedChanges();
    assertFalse(next.hasInterruptedChanges(), "recovery cleared the staging folder");

    List<String> installed = new PluginInstaller(plugins).installed().stream()
        .map(InstalledPlugin::toString).toList();
    if (step.equals("done")) {
      assertEquals(List.of("base 1.1.0", "sample 1.0.0"), installed);
      try (Stream<Path> files = Files.list(plugins)) {
        assertEquals(List.of(".lathe-install.lock", "base-1.1.0.jar", "lathe-installed.json",
            "sample-1.0.0.jar"), files.map(p -> p.getFileName().toString()).sorted().toList());
      }
      assertEquals(List.of(), new PluginInstaller(plugins).verify());
    } else {
      assertEquals(List.of("base 1.0.0"), installed);
      assertEquals(before, snapshot(), "the plugins directory is as it was, byte for byte");
    }
  }
}
