package dev.lathe.testkit.tck;

import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin's settings in a test: its declared defaults plus the test's overrides, validated
 * against the declared parameters when built, read through the typed {@link Settings} view.
 */
final class TestSettings implements Settings {

  private final String plugin;
  private final String prefix;
  private final Map<String, ParameterSpec> specs;
  private final Map<String, String> values;
  private final Path baseDirectory;

  private TestSettings(String plugin, String prefix, Map<String, ParameterSpec> specs,
      Map<String, String> values, Path baseDirectory) {
    this.plugin = plugin;
    this.prefix = prefix;
    this.specs = specs;
    this.values = values;
    this.baseDirectory = baseDirectory;
  }

  /**
   * Settings from {@code specs}' defaults with {@code overrides} on top.
   *
   * @throws IllegalArgumentException naming the plugin and key if an override is not declared,
   *     a value breaks its declaration, or a required parameter has no value
   */
  static TestSettings of(String plugin, String prefix, List<ParameterSpec> specs,
      Map<String, String> overrides, Path baseDirectory) {
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    specs.forEach(s -> byName.put(s.name(), s));
    for (String key : overrides.keySet()) {
      if (!byName.containsKey(key)) {
        throw new IllegalArgumentException("plugin '" + plugin + "': setting '" + prefix + "."
            + key + "' is not a declared parameter; declared: " + byName.keySet());
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (ParameterSpec spec : byName.values()) {
      String value = overrides.getOrDefault(spec.name(), spec.defaultValue());
      if (value == null) {
        throw new IllegalArgumentException("plugin '" + plugin + "': setting '" + prefix + "."
            + spec.name() + "' is required and has no value");
      }
      String where = overrides.containsKey(spec.name()) ? "" : " (its declared default)";
      ParameterValues.problem(spec, value).ifPresent(p -> {
        throw new IllegalArgumentException("plugin '" + plugin + "': setting '" + prefix + "."
            + spec.name() + "'" + where + " " + p);
      });
      values.put(spec.name(), value);
    }
    return new TestSettings(plugin, prefix, Collections.unmodifiableMap(byName),
        Collections.unmodifiableMap(values), baseDirectory);
  }

  @Override
  public String prefix() {
    return prefix;
  }

  @Override
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public boolean has(String key) {
    spec(key);
    return values.containsKey(key);
  }

  @Override
  public boolean getBoolean(String key) {
    return Boolean.parseBoolean(text(key, ParameterSpec.Type.BOOLEAN).trim());
  }

  @Override
  public long getLong(String key) {
    return Long.parseLong(text(key, ParameterSpec.Type.INTEGER).trim());
  }

  @Override
  public int getInt(String key) {
    long v = getLong(key);
    if (v != (int) v) {
      throw new IllegalArgumentException(where(key) + " is " + v + ", too large for an int");
    }
    return (int) v;
  }

  @Override
  public double getDouble(String key) {
    return Double.parseDouble(text(key, ParameterSpec.Type.REAL, ParameterSpec.Type.INTEGER).trim());
  }

  @Override
  public String getString(String key) {
    return text(key, ParameterSpec.Type.values());
  }

  @Override
  public Duration getDuration(String key) {
    return ParameterValues.parseDuration(text(key, ParameterSpec.Type.DURATION));
  }

  @Override
  public Path getPath(String key) {
    Path p = Path.of(text(key, ParameterSpec.Type.PATH).trim());
    return p.isAbsolute() ? p : baseDirectory.resolve(p).normalize();
  }

  @Override
  public List<Long> getLongList(String key) {
    return ParameterValues.split(text(key, ParameterSpec.Type.INTEGER_LIST)).stream()
        .map(Long::valueOf).toList();
  }

  @Override
  public List<Double> getDoubleList(String key) {
    return ParameterValues.split(
            text(key, ParameterSpec.Type.REAL_LIST, ParameterSpec.Type.INTEGER_LIST))
        .stream().map(Double::valueOf).toList();
  }

  @Override
  public List<String> getStringList(String key) {
    return ParameterValues.split(text(key, ParameterSpec.Type.values()));
  }

  private ParameterSpec spec(String key) {
    ParameterSpec s = specs.get(key);
    if (s == null) {
      throw new IllegalArgumentException(where(key) + " is not a declared parameter; declared: "
          + specs.keySet());
    }
    return s;
  }

  private String text(String key, ParameterSpec.Type... allowed) {
    ParameterSpec s = spec(key);
    if (!Arrays.asList(allowed).contains(s.type())) {
      throw new IllegalArgumentException(
          where(key) + " is declared " + s.type() + ", not " + Arrays.toString(allowed));
    }
    return values.get(key);
  }

  private String where(String key) {
    return "plugin '" + plugin + "': setting '" + prefix + "." + key + "'";
  }

  @Override
  public String toString() {
    return prefix + values;
  }
}
