package dev.lathe.api.optimize;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.metric.Metrics;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A bound on a metric, such as {@code latency_ms <= 25}.
 *
 * @param metric the metric's name
 * @param relation {@code <=} or {@code >=}
 * @param bound the bound
 */
@API(status = STABLE, since = "0.1")
public record Constraint(String metric, Relation relation, double bound) {

  private static final Pattern SYNTAX =
      Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(<=|>=)\\s*([-+0-9.eE]+|-?Infinity)\\s*");

  /** The relations a constraint can state. */
  public enum Relation {
    AT_MOST("<="), AT_LEAST(">=");

    private final String symbol;

    Relation(String symbol) {
      this.symbol = symbol;
    }

    /** {@code <=} or {@code >=}. */
    public String symbol() {
      return symbol;
    }
  }

  /** Checks the parts. */
  public Constraint {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(relation, "relation");
    if (Double.isNaN(bound)) {
      throw new IllegalArgumentException("constraint on '" + metric + "' has a NaN bound");
    }
  }

  /**
   * Parses {@code METRIC <= NUMBER} or {@code METRIC >= NUMBER}.
   *
   * @throws IllegalArgumentException naming the text if it does not parse
   */
  public static Constraint parse(String text) {
    Matcher m = SYNTAX.matcher(Objects.requireNonNull(text, "text"));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text
          + "' is not a constraint (expected METRIC <= NUMBER or METRIC >= NUMBER)");
    }
    try {
      return new Constraint(m.group(1),
          m.group(2).equals("<=") ? Relation.AT_MOST : Relation.AT_LEAST,
          Double.parseDouble(m.group(3)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': '" + m.group(3) + "' is not a number");
    }
  }

  /**
   * How far {@code metrics} lie outside the bound: 0 when satisfied, positive otherwise,
   * infinite when the metric is missing or NaN.
   */
  public double violation(Metrics metrics) {
    if (!metrics.has(metric) || Double.isNaN(metrics.value(metric))) {
      return Double.POSITIVE_INFINITY;
    }
    double v = metrics.value(metric);
    return Math.max(0, relation == Relation.AT_MOST ? v - bound : bound - v);
  }

  /** Whether {@code metrics} satisfy this constraint. */
  public boolean satisfiedBy(Metrics metrics) {
    return violation(metrics) == 0;
  }

  @Override
  public String toString() {
    return metric + " " + relation.symbol + " " + bound;
  }
}
