package dev.lathe.plugin.baselines;

import dev.lathe.api.LatheApi;
import dev.lathe.api.Version;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin context for tests: settings from the provider's declared defaults plus overrides,
 * a fixed seed, and folders under a temporary directory that are created when asked for.
 */
public final class TestPluginContext implements PluginContext {

  private final String pluginId;
  private final Settings settings;
  private final long seed;

  private TestPluginContext(String pluginId, Settings settings, long seed) {
    this.pluginId = pluginId;
    this.settings = settings;
    this.seed = seed;
  }

  /** A context for {@code provider} with its default settings. */
  public static TestPluginContext of(PluginProvider provider, long seed) {
    return of(provider, seed, Map.of());
  }

  /**
   * A context for {@code provider} with its defaults replaced by {@code overrides}.
   *
   * @throws IllegalArgumentException if an override is undeclared or out of its range
   */
  public static TestPluginContext of(
      PluginProvider provider, long seed, Map<String, String> overrides) {
    String id = provider.info().id();
    return new TestPluginContext(
        id, new TestSettings(id, provider.parameters(), overrides), seed);
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
    return LoggerFactory.getLogger("lathe.plugin." + pluginId);
  }

  @Override
  public Path workDirectory() {
    return folder("work");
  }

  @Override
  public Path cacheDirectory() {
    return folder("cache");
  }

  private Path folder(String name) {
    try {
      return Files.createDirectories(
          Path.of(System.getProperty("java.io.tmpdir"), "lathe-test", pluginId, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
