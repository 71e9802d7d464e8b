package dev.lathe.api.metric;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import java.util.regex.Pattern;
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

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Checks the name. */
  public Metric {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a metric name (a letter, then letters, digits or '_')");
    }
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(origin, "origin");
  }
}
