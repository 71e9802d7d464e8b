package dev.lathe.core.internal.engine;

import dev.lathe.api.LatheApi;
import dev.lathe.api.Version;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context the kernel hands one plugin instance. */
public final class DefaultPluginContext implements PluginContext {

  private final String plugin;
  private final Settings settings;
  private final long seed;
  private final Path workDirectory;
  private final Path cacheDirectory;

  /**
   * A context.
   *
   * @param plugin the plugin id, which names the logger
   * @param settings its validated settings
   * @param seed its own seed
   * @param workDirectory where it may keep files (created on demand)
   * @param cacheDirectory the shared data cache (created on demand)
   */
  public DefaultPluginContext(
      String plugin, Settings settings, long seed, Path workDirectory, Path cacheDirectory) {
    this.plugin = plugin;
    this.settings = settings;
    this.seed = seed;
    this.workDirectory = workDirectory;
    this.cacheDirectory = cacheDirectory;
  }

  /** The data cache: {@code $LATHE_CACHE}, else {@code $XDG_CACHE_HOME/lathe}, else {@code ~/.cache/lathe}. */
  public static Path defaultCacheDirectory() {
    String explicit = System.getenv("LATHE_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("lathe");
  }

  @Override
  public Version apiVersion() {
    return LatheApi.VERSION;
  }

  @Override
  public Settings settings() {
    return settings;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public RandomGenerator random() {
    return new SplittableRandom(seed);
  }

  @Override
  public Logger logger() {
    return LoggerFactory.getLogger("lathe.plugin." + plugin);
  }

  @Override
  public Path workDirectory() {
    return created(workDirectory);
  }

  @Override
  public Path cacheDirectory() {
    return created(cacheDirectory);
  }

  private static Path created(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create folder " + dir, e);
    }
  }
}
