package dev.lathe.plugin.gcnrl.reproduce;

import dev.lathe.api.Version;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;

/**
 * The context in which the reproduction creates the peers' optimizers (found by ServiceLoader
 * among the installed plugins): each provider's declared defaults, a seed, and the
 * reproduction's own logger and folders.
 */
final class DefaultsContext implements PluginContext {

  private final PluginContext parent;
  private final long seed;
  private final MapSettings settings;

  DefaultsContext(PluginContext parent, PluginProvider provider, long seed) {
    this.parent = parent;
    this.seed = seed;
    Map<String, String> values = new LinkedHashMap<>();
    for (ParameterSpec p : provider.parameters()) {
      if (p.defaultValue() != null) {
        values.put(p.name(), p.defaultValue());
      }
    }
    this.settings = new MapSettings("optimizer", values, provider.info().id());
  }

  @Override
  public Version apiVersion() {
    return parent.apiVersion();
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
    return parent.logger();
  }

  @Override
  public Path workDirectory() {
    return parent.workDirectory();
  }

  @Override
  public Path cacheDirectory() {
    return parent.cacheDirectory();
  }

  /** Settings read from text values. */
  private record MapSettings(String prefix, Map<String, String> values, String plugin)
      implements Settings {

    @Override
    public Map<String, String> asMap() {
      return Map.copyOf(values);
    }

    @Override
    public boolean has(String key) {
      return values.containsKey(key);
    }

    private String text(String key) {
      String v = values.get(key);
      if (v == null) {
        throw new IllegalArgumentException("plugin '" + plugin + "': no setting '" + key + "'");
      }
      return v;
    }

    @Override
    public boolean getBoolean(String key) {
      return Boolean.parseBoolean(text(key));
    }

    @Override
    public long getLong(String key) {
      return Long.parseLong(text(key).strip());
    }

    @Override
    public int getInt(String key) {
      return Math.toIntExact(getLong(key));
    }

    @Override
    public double getDouble(String key) {
      return Double.parseDouble(text(key).strip());
    }

    @Override
    public String getString(String key) {
      return text(key);
    }

    @Override
    public Duration getDuration(String key) {
      return Duration.parse(text(key).strip());
    }

    @Override
    public Path getPath(String key) {
      return Path.of(text(key));
    }

    @Override
    public List<Long> getLongList(String key) {
      return getStringList(key).stream().map(Long::parseLong).toList();
    }

    @Override
    public List<Double> getDoubleList(String key) {
      return getStringList(key).stream().map(Double::parseDouble).toList();
    }

    @Override
    public List<String> getStringList(String key) {
      String t = text(key).strip();
      if (t.startsWith("[") && t.endsWith("]")) {
        t = t.substring(1, t.length() - 1);
      }
      return t.isEmpty() ? List.of() : Arrays.stream(t.split(",")).map(String::strip).toList();
    }
  }
}
