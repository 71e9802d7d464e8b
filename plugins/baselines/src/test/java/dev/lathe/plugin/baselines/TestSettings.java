package dev.lathe.plugin.baselines;

import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.ParameterSpec.Type;
import dev.lathe.api.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings for tests: a plugin's declared defaults with overrides, checked against the
 * declared ranges and choices of single values as the kernel would. Lists are comma-separated
 * text.
 */
final class TestSettings implements Settings {

  private static final Set<Type> NUMERIC = EnumSet.of(Type.INTEGER, Type.REAL);

  private final String plugin;
  private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();

  TestSettings(String plugin, List<ParameterSpec> declared, Map<String, String> overrides) {
    this.plugin = plugin;
    declared.forEach(spec -> specs.put(spec.name(), spec));
    overrides.keySet().forEach(this::spec);
    for (ParameterSpec spec : declared) {
      String value = overrides.getOrDefault(spec.name(), spec.defaultValue());
      if (value == null) {
        throw new IllegalArgumentException(
            "plugin '" + plugin + "': required setting '" + spec.name() + "' is not set");
      }
      check(spec, value);
      values.put(spec.name(), value);
    }
  }

  private void check(ParameterSpec spec, String value) {
    if (!spec.choices().isEmpty() && !spec.choices().contains(value)) {
      throw new IllegalArgumentException("plugin '" + plugin + "': setting '" + spec.name()
          + "' = " + value + " is not one of " + spec.choices());
    }
    if (NUMERIC.contains(spec.type())) {
      double number = Double.parseDouble(value);
      if ((spec.min() != null && number < spec.min())
          || (spec.max() != null && number > spec.max())) {
        throw new IllegalArgumentException("plugin '" + plugin + "': setting '" + spec.name()
            + "' = " + value + " lies outside [" + spec.min() + ", " + spec.max() + "]");
      }
    }
  }

  private ParameterSpec spec(String key) {
    ParameterSpec spec = specs.get(key);
    if (spec == null) {
      throw new IllegalArgumentException("plugin '" + plugin + "' declares no setting '" + key
          + "'; it declares " + specs.keySet());
    }
    return spec;
  }

  private String text(String key, Type... types) {
    ParameterSpec spec = spec(key);
    if (types.length > 0 && !Arrays.asList(types).contains(spec.type())) {
      throw new IllegalArgumentException("plugin '" + plugin + "': setting '" + key + "' is "
          + spec.type() + ", not " + Arrays.toString(types));
    }
    return values.get(key);
  }

  private static List<String> split(String text) {
    return text.isBlank() ? List.of()
        : Arrays.stream(text.split(",")).map(String::trim).toList();
  }

  @Override
  public String prefix() {
    return plugin;
  }

  @Override
  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(values);
  }

  @Override
  public boolean has(String key) {
    spec(key);
    return values.containsKey(key);
  }

  @Override
  public boolean getBoolean(String key) {
    return Boolean.parseBoolean(text(key, Type.BOOLEAN));
  }

  @Override
  public long getLong(String key) {
    return Long.parseLong(text(key, Type.INTEGER));
  }

  @Override
  public int getInt(String key) {
    return Math.toIntExact(getLong(key));
  }

  @Override
  public double getDouble(String key) {
    return Double.parseDouble(text(key, Type.REAL, Type.INTEGER));
  }

  @Override
  public String getString(String key) {
    return text(key);
  }

  /** A {@code DURATION} setting; these test settings read ISO-8601 text only, e.g. PT30S. */
  @Override
  public Duration getDuration(String key) {
    return Duration.parse(text(key, Type.DURATION));
  }

  @Override
  public Path getPath(String key) {
    return Path.of(text(key, Type.PATH));
  }

  @Override
  public List<Long> getLongList(String key) {
    return split(text(key, Type.INTEGER_LIST)).stream().map(Long::parseLong).toList();
  }

  @Override
  public List<Double> getDoubleList(String key) {
    return split(text(key, Type.REAL_LIST, Type.INTEGER_LIST)).stream()
        .map(Double::parseDouble).toList();
  }

  @Override
  public List<String> getStringList(String key) {
    return split(text(key));
  }
}
