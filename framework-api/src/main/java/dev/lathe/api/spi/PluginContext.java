package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.Version;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;
import org.slf4j.Logger;

/**
 * What the kernel hands a provider when it creates a plugin instance: its settings, its own
 * seed, a logger and the places it may write. Plugins get no other global state.
 */
@API(status = STABLE, since = "0.1")
public interface PluginContext {

  /** The version of the running kernel's API. */
  Version apiVersion();

  /** This plugin's validated settings. */
  Settings settings();

  /** A seed split off the experiment seed for this component alone. */
  long seed();

  /** A new random generator seeded with {@link #seed()}. */
  RandomGenerator random();

  /** A logger named after the plugin. */
  Logger logger();

  /** A folder of the experiment's results where this plugin may keep files; created on demand. */
  Path workDirectory();

  /**
   * A folder shared by every run for downloaded or derived data, e.g. {@code ~/.cache/lathe};
   * created on demand.
   */
  Path cacheDirectory();
}
