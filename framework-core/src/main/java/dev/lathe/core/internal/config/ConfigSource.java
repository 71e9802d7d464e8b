package dev.lathe.core.internal.config;

import dev.lathe.core.LatheException;
import java.util.List;
import java.util.Objects;
import org.apache.commons.configuration2.interpol.ConfigurationInterpolator;
import org.apache.commons.text.StringSubstitutor;

/**
 * Where an experiment's effective configuration came from: the name used in messages (the file,
 * or the experiment built in Java), the interpolator of the combined configuration, and the
 * keys that {@code --set} or {@code lathe.*} system properties supplied, so that an error in
 * one of them says so.
 */
final class ConfigSource {

  /**
   * A key set above the file.
   *
   * @param key the key as written, e.g. {@code evaluators(1).noise}
   * @param description how it was set, e.g. {@code --set evaluators(1).noise=0.1}
   */
  record Origin(String key, String description) {}

  private final String where;
  private final ConfigurationInterpolator interpolator;
  private final List<Origin> origins;

  ConfigSource(String where, ConfigurationInterpolator interpolator, List<Origin> origins) {
    this.where = Objects.requireNonNull(where, "where");
    this.interpolator = Objects.requireNonNull(interpolator, "interpolator");
    this.origins = List.copyOf(origins);
  }

  /** The file or experiment name that messages start with. */
  String where() {
    return where;
  }

  /**
   * A configuration error at {@code key} ({@code null} or empty for the whole file), noting the
   * override that supplied the key, if one did.
   */
  LatheException error(String key, String message) {
    String located = key == null || key.isEmpty() ? message : key + ": " + message;
    return LatheException.config(where, located + originNote(key));
  }

  /**
   * {@code raw} as text with its {@code ${prefix:name}} variables resolved; {@code $${x}} stays
   * as the literal {@code ${x}}.
   *
   * @throws LatheException naming {@code key} and the variable if one cannot be resolved
   */
  String interpolate(Object raw, String key) {
    if (!(raw instanceof String text)) {
      return String.valueOf(raw);
    }
    String[] lastMissing = new String[1];
    StringSubstitutor substitutor = new StringSubstitutor(variable -> {
      Object value = interpolator.resolve(variable);
      if (value == null) {
        lastMissing[0] = variable;
        return null;
      }
      return String.valueOf(value);
    });
    substitutor.setEnableUndefinedVariableException(true);
    try {
      return substitutor.replace(text);
    } catch (IllegalArgumentException e) {
      throw error(key, lastMissing[0] != null
          ? "unresolved variable ${" + lastMissing[0] + "}" : oneLine(e.getMessage()));
    } catch (IllegalStateException e) {
      throw error(key, "variables refer to each other in a loop: " + oneLine(e.getMessage()));
    }
  }

  private String originNote(String key) {
    if (key == null || key.isEmpty()) {
      return "";
    }
    String normal = normalize(key);
    return origins.stream()
        .filter(o -> {
          String set = normalize(o.key());
          return set.equals(normal) || normal.startsWith(set + ".") || normal.startsWith(set + "(");
        })
        .reduce((first, second) -> second)
        .map(o -> " (set by " + o.description() + ")")
        .orElse("");
  }

  /** A key with the index {@code (0)}, which is the same as none, left out. */
  private static String normalize(String key) {
    return key.replace("(0)", "");
  }

  /** {@code text} on one line. */
  static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }
}
