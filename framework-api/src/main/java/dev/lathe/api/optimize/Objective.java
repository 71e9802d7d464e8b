package dev.lathe.api.optimize;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.metric.Metrics;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A metric to minimise or maximise.
 *
 * @param metric the metric's name
 * @param direction which way is better
 */
@API(status = STABLE, since = "0.1")
public record Objective(String metric, Direction direction) {

  /** Which way an objective improves. */
  public enum Direction {
    MINIMIZE, MAXIMIZE
  }

  /** Checks the parts. */
  public Objective {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(direction, "direction");
  }

  /** Minimise {@code metric}. */
  public static Objective minimize(String metric) {
    return new Objective(metric, Direction.MINIMIZE);
  }

  /** Maximise {@code metric}. */
  public static Objective maximize(String metric) {
    return new Objective(metric, Direction.MAXIMIZE);
  }

  /** The objective's value in {@code metrics}, negated when maximising, so that lower is better. */
  public double loss(Metrics metrics) {
    double v = metrics.value(metric);
    return direction == Direction.MINIMIZE ? v : -v;
  }

  /** Whether {@code a} is strictly better than {@code b} under this objective. */
  public boolean better(double a, double b) {
    return direction == Direction.MINIMIZE ? a < b : a > b;
  }

  @Override
  public String toString() {
    return direction.name().toLowerCase(java.util.Locale.ROOT) + " " + metric;
  }
}
