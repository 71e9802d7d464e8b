package dev.lathe.benchmarks;

import dev.lathe.api.LatheApi;
import dev.lathe.api.Version;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context a benchmark hands a provider it creates itself: the provider's declared defaults
 * with some values replaced, a fixed seed, and a work folder. Values are not validated against
 * their declarations (the plugin checks its own arguments); an undeclared key is refused.
 */
final class BenchmarkPluginContext implements PluginContext {

  private final PluginProvider provider;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final long seed;
  private final Path folder;

  BenchmarkPluginContext(PluginProvider provider, Map<String, String> overrides, long seed,
      Path folder) {
    this.provider = provider;
    for (ParameterSpec p : provider.parameters()) {
      if (p.defaultValue() != null) {
        values.put(p.name(), p.defaultValue());
      }
    }
    overrides.forEach((key, value) -> {
      if (provider.parameters().stream().noneMatch(p -> p.name().equals(key))) {
        throw new IllegalArgumentException("plugin '" + provider.info().id()
            + "' declares no parameter '" + key + "'");
      }
      values.put(key, value);
    });
    this.seed = seed;
    this.folder = folder;
  }

  @Override
  public Version apiVersion() {
    return LatheApi.VERSION;
  }

  @Override
  public Settings settings() {
    return new Settings() {
      private String value(String key) {
        String v = values.get(key);
        if (v == null) {
          throw new IllegalArgumentException("plugin '" + provider.info().id()
              + "': no setting '" + key + "'");
        }
        return v.strip();
      }

      @Override
      public String prefix() {
        return provider.info().id();
      }

      @Override
      public Map<String, String> asMap() {
        return Map.copyOf(values);
      }

      @Override
      public boolean has(String key) {
        return values.containsKey(key);
      }

      @Override
      public boolean getBoolean(String key) {
        return Boolean.parseBoolean(value(key));
      }

      @Override
      public long getLong(String key) {
        return Long.parseLong(value(key));
      }

      @Override
      public int getInt(String key) {
        return Integer.parseInt(value(key));
      }

      @Override
      public double getDouble(String key) {
        return Double.parseDouble(value(key));
      }

      @Override
      public String getString(String key) {
        return value(key);
      }

      @Override
      public Duration getDuration(String key) {
        return Duration.parse(value(key));
      }

      @Override
      public Path getPath(String key) {
        return folder.resolve(value(key));
      }

      @Override
      public List<Long> getLongList(String key) {
        return getStringList(key).stream().map(Long::valueOf).toList();
      }

      @Override
      public List<Double> getDoubleList(String key) {
        return getStringList(key).stream().map(Double::valueOf).toList();
      }

      @Override
      public List<String> getStringList(String key) {
        return List.of(value(key).split("\\s*,\\s*"));
      }
    };
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
    return LoggerFactory.getLogger("lathe.plugin." + provider.info().id());
  }

  @Override
  public Path workDirectory() {
    return folder;
  }

  @Override
  public Path cacheDirectory() {
    return folder;
  }
}
