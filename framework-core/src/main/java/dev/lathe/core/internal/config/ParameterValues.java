package dev.lathe.core.internal.config;

import dev.lathe.api.spi.ParameterSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks values given for a declared {@link ParameterSpec} and writes them as canonical text,
 * the form that {@link SettingsView} reads: booleans {@code true}/{@code false}, integers in
 * decimal, reals as {@link Double#toString(double)}, durations as {@link Durations#format},
 * strings and paths unchanged, lists as comma-joined canonical elements.
 */
final class ParameterValues {

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern REAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity");

  private ParameterValues() {}

  /**
   * The canonical text of the values given for {@code spec}.
   *
   * @param values the value texts: exactly one for a scalar type; for a list type one per
   *     sequence item, each of which may itself be comma-separated (a single blank text is the
   *     empty list)
   * @throws InvalidValueException naming the value and what is wrong with it
   */
  static String canonical(ParameterSpec spec, List<String> values) {
    return switch (spec.type()) {
      case INTEGER_LIST, REAL_LIST, STRING_LIST -> list(spec, values);
      default -> {
        if (values.size() != 1) {
          throw new InvalidValueException("expected one value, got a list of " + values.size());
        }
        yield scalar(spec, values.get(0));
      }
    };
  }

  /** A short name of the type for messages, e.g. {@code an integer}. */
  static String describe(ParameterSpec.Type type) {
    return switch (type) {
      case BOOLEAN -> "a boolean";
      case INTEGER -> "an integer";
      case REAL -> "a number";
      case STRING -> "a string";
      case DURATION -> "a duration";
      case PATH -> "a path";
      case INTEGER_LIST -> "a list of integers";
      case REAL_LIST -> "a list of numbers";
      case STRING_LIST -> "a list of strings";
    };
  }

  private static String list(ParameterSpec spec, List<String> values) {
    List<String> elements = new ArrayList<>();
    if (values.size() == 1 && values.get(0).isBlank()) {
      return "";
    }
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        String element = part.trim();
        if (element.isEmpty()) {
          throw new InvalidValueException("'" + value + "' has an empty element");
        }
        elements.add(switch (spec.type()) {
          case INTEGER_LIST -> integer(spec, element);
          case REAL_LIST -> real(spec, element);
          default -> string(spec, element);
        });
      }
    }
    return String.join(",", elements);
  }

  private static String scalar(ParameterSpec spec, String text) {
    return switch (spec.type()) {
      case BOOLEAN -> bool(text);
      case INTEGER -> integer(spec, text.trim());
      case REAL -> real(spec, text.trim());
      case DURATION -> duration(text);
      case PATH -> path(text);
      default -> string(spec, text);
    };
  }

  private static String bool(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (!t.equals("true") && !t.equals("false")) {
      throw new InvalidValueException("'" + text + "' is not a boolean (true or false)");
    }
    return t;
  }

  private static String integer(ParameterSpec spec, String text) {
    if (!INTEGER.matcher(text).matches()) {
      throw new InvalidValueException("'" + text + "' is not an integer");
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidValueException("'" + text + "' is too large for a 64-bit integer");
    }
    checkRange(spec, value);
    return Long.toString(value);
  }

  private static String real(ParameterSpec spec, String text) {
    if (!REAL.matcher(text).matches()) {
      throw new InvalidValueException("'" + text + "' is not a number");
    }
    double value = Double.parseDouble(text);
    checkRange(spec, value);
    return Double.toString(value);
  }

  private static String duration(String text) {
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidValueException(
          "'" + text + "' is not a duration (e.g. 500ms, 30s, 5m, 2h, 1d or PT1M)");
    }
    if (d.isNegative()) {
      throw new InvalidValueException("'" + text + "' is a negative duration");
    }
    return Durations.format(d);
  }

  private static String path(String text) {
    if (text.isBlank()) {
      throw new InvalidValueException("the path is empty");
    }
    try {
      Path.of(text);
    } catch (InvalidPathException e) {
      throw new InvalidValueException("'" + text + "' is not a valid path: " + e.getReason());
    }
    return text;
  }

  private static String string(ParameterSpec spec, String text) {
    if (!spec.choices().isEmpty() && !spec.choices().contains(text)) {
      throw new InvalidValueException("'" + text + "' is not one of " + String.join(", ",
          spec.choices()) + Suggestions.didYouMean(text, spec.choices()));
    }
    return text;
  }

  private static void checkRange(ParameterSpec spec, double value) {
    boolean belowMin = spec.min() != null && value < spec.min();
    boolean aboveMax = spec.max() != null && value > spec.max();
    if (!belowMin && !aboveMax) {
      return;
    }
    String shown = number(value);
    if (spec.min() != null && spec.max() != null) {
      throw new InvalidValueException(shown + " is outside the allowed range ["
          + number(spec.min()) + ", " + number(spec.max()) + "]");
    }
    throw new InvalidValueException(belowMin
        ? shown + " is below the minimum " + number(spec.min())
        : shown + " is above the maximum " + number(spec.max()));
  }

  /** A number as a person writes it: {@code 3} rather than {@code 3.0}. */
  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : Double.toString(value);
  }
}
