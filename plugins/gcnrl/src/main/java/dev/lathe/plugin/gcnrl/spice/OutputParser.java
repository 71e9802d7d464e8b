package dev.lathe.plugin.gcnrl.spice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the results of a deck from ngspice's printed output: lines {@code name = 1.234e-05},
 * as {@code print} writes a scalar. Anything else is ignored, except the messages that mean the
 * analysis did not converge or a measurement failed, which make the whole simulation a failure
 * even where a stale vector would still print.
 */
final class OutputParser {

  private static final Pattern SCALAR = Pattern.compile(
      "^\\s*([a-z][a-z0-9_]*)\\s*=\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?nan|[-+]?inf)\\s*$",
      Pattern.CASE_INSENSITIVE);

  /** Messages of ngspice 39 that mean an analysis gave no usable solution. */
  private static final List<String> FATAL = List.of(
      "iteration limit reached", "simulation(s) aborted", "timestep too small", "singular matrix",
      "gmin stepping failed", "source stepping failed", "no such vector", "meas ", "could not find",
      "unknown model", "unable to find definition", "fatal error", "error on line",
      "circuit not parsed");

  private OutputParser() {}

  /**
   * The simulation that {@code output} reports for {@code results}.
   *
   * @param output what the simulator printed, stdout and error messages together
   * @param errors the lines that the simulator flagged as errors (stderr), checked for failures
   * @param results the result names that must all be present and finite
   */
  static Simulation parse(List<String> output, List<String> errors, List<String> results) {
    for (String e : errors) {
      String lower = e.toLowerCase(Locale.ROOT);
      boolean fatal = FATAL.stream().anyMatch(lower::contains)
          && !(lower.startsWith("warning") || lower.contains("note:"));
      if (fatal) {
        return Simulation.failed("ngspice: " + e.trim());
      }
    }
    Map<String, Double> found = new LinkedHashMap<>();
    for (String line : output) {
      Matcher m = SCALAR.matcher(line);
      if (m.matches()) {
        found.put(m.group(1).toLowerCase(Locale.ROOT), parseNumber(m.group(2)));
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (String r : results) {
      Double v = found.get(r);
      if (v == null) {
        return Simulation.failed("ngspice printed no value for '" + r + "'"
            + (errors.isEmpty() ? "" : " (" + errors.get(errors.size() - 1).trim() + ")"));
      }
      if (!Double.isFinite(v)) {
        return Simulation.failed("ngspice computed " + v + " for '" + r + "'");
      }
      values.put(r, v);
    }
    return Simulation.of(values);
  }

  private static double parseNumber(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.endsWith("nan")) {
      return Double.NaN;
    }
    if (t.endsWith("inf")) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(text);
  }
}
