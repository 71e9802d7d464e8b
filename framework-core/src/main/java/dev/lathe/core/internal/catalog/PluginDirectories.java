package dev.lathe.core.internal.catalog;

import java.nio.file.Path;

/**
 * Where the external plugins live: the {@code --plugins-dir} option if given, else the
 * {@value #ENVIRONMENT_VARIABLE} environment variable, else {@code ~/.lathe/plugins}. A value
 * that starts with {@code ~/} is taken relative to the user's home folder.
 */
public final class PluginDirectories {

  /** The environment variable that names the plugins directory. */
  public static final String ENVIRONMENT_VARIABLE = "LATHE_PLUGINS_DIR";

  private PluginDirectories() {}

  /**
   * The plugins directory for this process.
   *
   * @param cliValue the value of {@code --plugins-dir}, or {@code null} if not given
   */
  public static Path resolve(String cliValue) {
    return resolve(cliValue, System.getenv(ENVIRONMENT_VARIABLE),
        Path.of(System.getProperty("user.home")));
  }

  /**
   * The plugins directory from the command-line value, the environment value and the home folder;
   * blank values count as absent.
   *
   * @param cliValue the value of {@code --plugins-dir}, or {@code null}
   * @param environmentValue the value of {@value #ENVIRONMENT_VARIABLE}, or {@code null}
   * @param home the user's home folder, not null
   */
  public static Path resolve(String cliValue, String environmentValue, Path home) {
    if (cliValue != null && !cliValue.isBlank()) {
      return expand(cliValue.trim(), home);
    }
    if (environmentValue != null && !environmentValue.isBlank()) {
      return expand(environmentValue.trim(), home);
    }
    return home.resolve(".lathe").resolve("plugins");
  }

  private static Path expand(String value, Path home) {
    if (value.equals("~")) {
      return home;
    }
    if (value.startsWith("~/")) {
      return home.resolve(value.substring(2));
    }
    return Path.of(value);
  }
}
