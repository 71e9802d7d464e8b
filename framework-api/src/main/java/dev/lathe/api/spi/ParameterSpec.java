package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A parameter that a plugin declares: the kernel validates an experiment's settings against
 * these before anything runs, and {@code lathe describe} prints them.
 *
 * @param name the key within the plugin's section
 * @param type the value's type
 * @param defaultValue the default as text, or {@code null} if the parameter is required
 * @param min the smallest allowed number (or list element), or {@code null}
 * @param max the largest allowed number (or list element), or {@code null}
 * @param choices the allowed strings for a {@code STRING} or {@code STRING_LIST}; empty for any
 * @param doc one line saying what it does
 */
@API(status = STABLE, since = "0.1")
public record ParameterSpec(
    String name, Type type, String defaultValue, Double min, Double max, List<String> choices,
    String doc) {

  /** Parameter types; lists are written as YAML sequences or comma-separated text. */
  public enum Type {
    BOOLEAN, INTEGER, REAL, STRING, DURATION, PATH, INTEGER_LIST, REAL_LIST, STRING_LIST
  }

  /** Checks the parts. */
  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(doc, "doc");
    choices = List.copyOf(choices);
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("parameter '" + name + "': min " + min + " > max " + max);
    }
  }

  /** An integer parameter with a default. */
  public static ParameterSpec integer(String name, long defaultValue, String doc) {
    return new ParameterSpec(name, Type.INTEGER, Long.toString(defaultValue), null, null,
        List.of(), doc);
  }

  /** A real parameter with a default. */
  public static ParameterSpec real(String name, double defaultValue, String doc) {
    return new ParameterSpec(name, Type.REAL, Double.toString(defaultValue), null, null,
        List.of(), doc);
  }

  /** A boolean parameter with a default. */
  public static ParameterSpec bool(String name, boolean defaultValue, String doc) {
    return new ParameterSpec(name, Type.BOOLEAN, Boolean.toString(defaultValue), null, null,
        List.of(), doc);
  }

  /** A string parameter with a default, or required when {@code defaultValue} is null. */
  public static ParameterSpec string(String name, String defaultValue, String doc) {
    return new ParameterSpec(name, Type.STRING, defaultValue, null, null, List.of(), doc);
  }

  /** A parameter of any type, with its default as text ({@code null}: required). */
  public static ParameterSpec of(String name, Type type, String defaultValue, String doc) {
    return new ParameterSpec(name, type, defaultValue, null, null, List.of(), doc);
  }

  /** This parameter limited to {@code [min, max]}. */
  public ParameterSpec range(double min, double max) {
    return new ParameterSpec(name, type, defaultValue, min, max, choices, doc);
  }

  /** This parameter limited to at least {@code min}. */
  public ParameterSpec atLeast(double min) {
    return new ParameterSpec(name, type, defaultValue, min, max, choices, doc);
  }

  /** This parameter limited to the given strings. */
  public ParameterSpec choices(String... allowed) {
    return new ParameterSpec(name, type, defaultValue, min, max, List.of(allowed), doc);
  }

  /** Whether the parameter has no default and must be set. */
  public boolean required() {
    return defaultValue == null;
  }
}
