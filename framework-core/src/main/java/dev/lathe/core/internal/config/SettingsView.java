package dev.lathe.core.internal.config;

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
 * The read-only, typed view of one plugin's validated settings. Values are kept as text, as
 * validated by the configuration reader; lists as comma-separated text.
 */
public final class SettingsView implements Settings {

  private final String plugin;
  private final String prefix;
  private final Map<String, ParameterSpec> specs;
  private final Map<String, String> values;
  private final Path baseDirectory;

  /**
   * A view over already-validated values.
   *
   * @param plugin the plugin id, for messages
   * @param prefix the section key, e.g. {@code optimizer}
   * @param specs the plugin's declared parameters
   * @param values effective values by key, defaults included
   * @param baseDirectory where relative paths are resolved
   */
  public SettingsView(String plugin, String prefix, List<ParameterSpec> specs,
      Map<String, String> values, Path baseDirectory) {
    this.plugin = plugin;
    this.prefix = prefix;
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    specs.forEach(s -> byName.put(s.name(), s));
    this.specs = Collections.unmodifiableMap(byName);
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.baseDirectory = baseDirectory;
  }

  /** The plugin id whose settings these are. */
  public String plugin() {
    return plugin;
  }

  /** The declared parameters by name. */
  public Map<String, ParameterSpec> specs() {
    return specs;
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
    return Boolean.parseBoolean(text(key, ParameterSpec.Type.BOOLEAN));
  }

  @Override
  public long getLong(String key) {
    return Long.parseLong(text(key, ParameterSpec.Type.INTEGER));
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
    return Double.parseDouble(text(key, ParameterSpec.Type.REAL, ParameterSpec.Type.INTEGER));
  }

  @Override
  public String getString(String key) {
    return text(key, ParameterSpec.Type.values());
  }

  @Override
  public Duration getDuration(String key) {
    return Durations.parse(text(key, ParameterSpec.Type.DURATION));
  }

  @Override
  public Path getPath(String key) {
    Path p = Path.of(text(key, ParameterSpec.Type.PATH));
    return baseDirectory == null || p.isAbsolute() ? p : baseDirectory.resolve(p).normalize();
  }

  @Override
  public List<Long> getLongList(String key) {
    return split(text(key, ParameterSpec.Type.INTEGER_LIST)).stream().map(Long::valueOf).toList();
  }

  @Override
  public List<Double> getDoubleList(String key) {
    return split(text(key, ParameterSpec.Type.REAL_LIST, ParameterSpec.Type.INTEGER_LIST))
        .stream().map(Double::valueOf).toList();
  }

  @Override
  public List<String> getStringList(String key) {
    return split(text(key, ParameterSpec.Type.values()));
  }

  static List<String> split(String text) {
    return text.isBlank() ? List.of()
        : Arrays.stream(text.split(",")).map(String::trim).toList();
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
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException(where(key) + " has no value and no default");
    }
    return v;
  }

  private String where(String key) {
    return "plugin '" + plugin + "': setting '" + prefix + "." + key + "'";
  }

  @Override
  public String toString() {
    return prefix + values;
  }
}
