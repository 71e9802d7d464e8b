package dev.lathe.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PluginDirectoriesTest {

  private static final Path HOME = Path.of("/home/ada");

  @Test
  void commandLineValueComesFirst() {
    assertEquals(Path.of("/opt/cli"), PluginDirectories.resolve("/opt/cli", "/opt/env", HOME));
  }

  @Test
  void environmentValueComesSecond() {
    assertEquals(Path.of("/opt/env"), PluginDirectories.resolve(null, "/opt/env", HOME));
    assertEquals(Path.of("/opt/env"), PluginDirectories.resolve("  ", "/opt/env", HOME));
  }

  @Test
  void homeFolderIsTheDefault() {
    assertEquals(Path.of("/home/ada/.lathe/plugins"), PluginDirectories.resolve(null, null, HOME));
    assertEquals(Path.of("/home/ada/.lathe/plugins"), PluginDirectories.resolve("", " ", HOME));
  }

  @Test
  void tildeMeansTheHomeFolder() {
    assertEquals(Path.of("/home/ada/lathe/plugins"),
        PluginDirectories.resolve("~/lathe/plugins", null, HOME));
    assertEquals(Path.of("/home/ada/p"), PluginDirectories.resolve(null, " ~/p ", HOME));
    assertEquals(HOME, PluginDirectories.resolve("~", null, HOME));
    assertEquals(Path.of("relative/~"), PluginDirectories.resolve("relative/~", null, HOME));
  }

  @Test
  void processValuesFollowTheSameOrder() {
    assertEquals(Path.of("/opt/cli"), PluginDirectories.resolve("/opt/cli"));
    String environment = System.getenv(PluginDirectories.ENVIRONMENT_VARIABLE);
    Path expected = environment == null || environment.isBlank()
        ? Path.of(System.getProperty("user.home"), ".lathe", "plugins")
        : PluginDirectories.resolve(null, environment, HOME);
    assertEquals(expected, PluginDirectories.resolve(null));
  }
}
