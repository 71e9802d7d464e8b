package dev.lathe.testkit.tck;

import dev.lathe.api.spi.ParameterSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a setting's text against its {@link ParameterSpec} (type, range, choices) the way the
 * kernel does, and parses durations and lists.
 */
final class ParameterValues {

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

  private ParameterValues() {}

  /** Why {@code text} (never null) is not a legal value of {@code spec}, or empty if it is. */
  static Optional<String> problem(ParameterSpec spec, String text) {
    return switch (spec.type()) {
      case INTEGER_LIST, REAL_LIST, STRING_LIST -> listProblem(spec, text);
      default -> elementProblem(spec, spec.type(), text);
    };
  }

  /** The duration written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 0} or ISO-8601. */
  static Duration parseDuration(String text) {
    String t = text.trim();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SHORT_DURATION.matcher(t);
    if (m.matches()) {
      double amount = Double.parseDouble(m.group(1));
      double millis = switch (m.group(2)) {
        case "ms" -> amount;
        case "s" -> amount * 1_000;
        case "m" -> amount * 60_000;
        case "h" -> amount * 3_600_000;
        default -> amount * 86_400_000;
      };
      return Duration.ofMillis(Math.round(millis));
    }
    try {
      return Duration.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (e.g. 500ms, 30s, 5m, 2h, 1d or PT1M)");
    }
  }

  /** The elements of a list written as comma-separated text, trimmed; blank text is empty. */
  static List<String> split(String text) {
    return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).toList();
  }

  private static Optional<String> listProblem(ParameterSpec spec, String text) {
    ParameterSpec.Type element = switch (spec.type()) {
      case INTEGER_LIST -> ParameterSpec.Type.INTEGER;
      case REAL_LIST -> ParameterSpec.Type.REAL;
      default -> ParameterSpec.Type.STRING;
    };
    List<String> problems = new ArrayList<>();
    for (String item : split(text)) {
      elementProblem(spec, element, item).ifPresent(p -> problems.add("element " + p));
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  private static Optional<String> elementProblem(
      ParameterSpec spec, ParameterSpec.Type type, String text) {
    String t = text.trim();
    switch (type) {
      case BOOLEAN:
        return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false") ? Optional.empty()
            : Optional.of("'" + text + "' is not true or false");
      case INTEGER:
        try {
          return rangeProblem(spec, Long.parseLong(t), text);
        } catch (NumberFormatException e) {
          return Optional.of("'" + text + "' is not an integer");
        }
      case REAL:
        try {
          double v = Double.parseDouble(t);
          return Double.isFinite(v) ? rangeProblem(spec, v, text)
              : Optional.of("'" + text + "' is not a finite number");
        } catch (NumberFormatException e) {
          return Optional.of("'" + text + "' is not a number");
        }
      case DURATION:
        try {
          return parseDuration(t).isNegative()
              ? Optional.of("'" + text + "' is a negative duration") : Optional.empty();
        } catch (IllegalArgumentException | ArithmeticException e) {
          return Optional.of(e.getMessage());
        }
      case PATH:
        try {
          Path.of(t);
          return t.isEmpty() ? Optional.of("is an empty path") : Optional.empty();
        } catch (InvalidPathException e) {
          return Optional.of("'" + text + "' is not a path: " + e.getMessage());
        }
      default:
        return spec.choices().isEmpty() || spec.choices().contains(t) ? Optional.empty()
            : Optional.of("'" + text + "' is not one of " + spec.choices());
    }
  }

  private static Optional<String> rangeProblem(ParameterSpec spec, double value, String text) {
    if (spec.min() != null && value < spec.min()) {
      return Optional.of("'" + text + "' is below the minimum " + number(spec.min()));
    }
    if (spec.max() != null && value > spec.max()) {
      return Optional.of("'" + text + "' is above the maximum " + number(spec.max()));
    }
    return Optional.empty();
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
