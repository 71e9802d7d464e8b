package dev.lathe.api.metric;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One named number with its unit and origin.
 *
 * @param name the metric's name: a letter, then letters, digits or '_'
 * @param value the value; NaN and infinities are allowed only to report a failed measurement
 * @param unit the unit, e.g. {@code ms}, {@code J}, {@code bytes}, or empty for a pure number
 * @param origin how the value was obtained
 */
@API(status = STABLE, since = "0.1")
public record Metric(String name, double value, String unit, Origin origin) {

  /** Checks the name. */
  public Metric {
    if (!isName(name)) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a metric name (a letter, then letters, digits or '_')");
    }
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(origin, "origin");
  }

  /** Whether {@code name} is a letter followed by letters, digits or '_' (ASCII). */
  private static boolean isName(String name) {
    if (name == null || name.isEmpty() || !letter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!letter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
