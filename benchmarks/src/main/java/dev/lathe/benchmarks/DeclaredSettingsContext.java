package dev.lathe.benchmarks;

import dev.lathe.api.LatheApi;
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
import org.slf4j.LoggerFactory;

/**
 * A plugin context for a provider that a benchmark found by {@link java.util.ServiceLoader}: the
 * provider's declared defaults with a few settings replaced, seed 0, and work and cache folders
 * under a folder the benchmark owns. Settings are read as the kernel writes them: lists
 * comma-separated, durations in ISO-8601 ({@code PT30S}); a key the provider does not declare,
 * a value outside its choices, or a required parameter left unset is refused.
 */
final class DeclaredSettingsContext implements PluginContext {

  private final String pluginId;
  private final DeclaredSettings settings;
  private final Path folder;

  /**
   * A context for {@code provider}'s plugin.
   *
   * @param overrides settings that replace declared defaults, by parameter name
   * @param folder where the plugin may keep files: {@code work/} and {@code cache/} inside it
   * @throws IllegalArgumentException naming the plugin and the parameter that is undeclared,
   *     unset or not one of its choices
   */
  DeclaredSettingsContext(PluginProvider provider, Map<String, String> overrides, Path folder) {
    this.pluginId = provider.info().id();
    this.settings = new DeclaredSettings(pluginId, provider.parameters(), overrides);
    this.folder = folder;
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
    return 0;
  }

  @Override
  public RandomGenerator random() {
    return new SplittableRandom(seed());
  }

  @Override
  public Logger logger() {
    return LoggerFactory.getLogger("lathe.plugin." + pluginId);
  }

  @Override
  public Path workDirectory() {
    return folder.resolve("work");
  }

  @Override
  public Path cacheDirectory() {
    return folder.resolve("cache");
  }

  /** The declared parameters' values as text, parsed by each getter. */
  private static final class DeclaredSettings implements Settings {
    private final String pluginId;
    private final Map<String, String> values = new LinkedHashMap<>();

    DeclaredSettings(String pluginId, List<ParameterSpec> specs, Map<String, String> overrides) {
      this.pluginId = pluginId;
      Map<String, ParameterSpec> byName = new LinkedHashMap<>();
      specs.forEach(s -> byName.put(s.name(), s));
      for (String key : overrides.keySet()) {
        if (!byName.containsKey(key)) {
          throw new IllegalArgumentException(where(key) + " is not a declared parameter;"
              + " declared: " + byName.keySet());
        }
      }
      for (ParameterSpec spec : specs) {
        String value = overrides.getOrDefault(spec.name(), spec.defaultValue());
        if (value == null) {
          throw new IllegalArgumentException(where(spec.name()) + " is required");
        }
        if (!spec.choices().isEmpty() && !spec.choices().containsAll(split(value))) {
          throw new IllegalArgumentException(where(spec.name()) + " is '" + value
              + "', not one of " + spec.choices());
        }
        values.put(spec.name(), value);
      }
    }

    private String where(String key) {
      return "plugin '" + pluginId + "': setting '" + key + "'";
    }

    private String text(String key) {
      String value = values.get(key);
      if (value == null) {
        throw new IllegalArgumentException(where(key) + " is not a declared parameter;"
            + " declared: " + values.keySet());
      }
      return value;
    }

    private static List<String> split(String text) {
      return text.isBlank() ? List.of()
          : Arrays.stream(text.split(",")).map(String::trim).toList();
    }

    @Override
    public String prefix() {
      return pluginId;
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
      String value = text(key);
      if (!value.equals("true") && !value.equals("false")) {
        throw new IllegalArgumentException(where(key) + " is '" + value + "', not true or false");
      }
      return Boolean.parseBoolean(value);
    }

    @Override
    public long getLong(String key) {
      return Long.parseLong(text(key));
    }

    @Override
    public int getInt(String key) {
      return Math.toIntExact(getLong(key));
    }

    @Override
    public double getDouble(String key) {
      return Double.parseDouble(text(key));
    }

    @Override
    public String getString(String key) {
      return text(key);
    }

    @Override
    public Duration getDuration(String key) {
      return Duration.parse(text(key));
    }

    @Override
    public Path getPath(String key) {
      return Path.of(text(key));
    }

    @Override
    public List<Long> getLongList(String key) {
      return split(text(key)).stream().map(Long::valueOf).toList();
    }

    @Override
    public List<Double> getDoubleList(String key) {
      return split(text(key)).stream().map(Double::valueOf).toList();
    }

    @Override
    public List<String> getStringList(String key) {
      return split(text(key));
    }
  }
}
