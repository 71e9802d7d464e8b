package dev.lathe.api.space;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * A dimension over the real interval {@code [low, high]}, optionally on a log scale.
 *
 * @param name the dimension's name
 * @param low lower bound, finite
 * @param high upper bound, finite and greater than {@code low}
 * @param log whether values are spread logarithmically; then {@code low} must be positive
 */
@API(status = STABLE, since = "0.1")
public record RealDimension(String name, double low, double high, boolean log) implements Dimension {

  /** Checks the bounds. */
  public RealDimension {
    Names.check(name);
    if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
      throw new IllegalArgumentException(
          "dimension '" + name + "': [" + low + ", " + high + "] is not a finite interval");
    }
    if (log && low <= 0) {
      throw new IllegalArgumentException(
          "dimension '" + name + "': a log scale needs a positive lower bound, got " + low);
    }
  }

  /** A linear real dimension. */
  public static RealDimension of(String name, double low, double high) {
    return new RealDimension(name, low, high, false);
  }

  /** A log-scaled real dimension. */
  public static RealDimension logOf(String name, double low, double high) {
    return new RealDimension(name, low, high, true);
  }

  @Override
  public Kind kind() {
    return log ? Kind.LOG_REAL : Kind.REAL;
  }

  @Override
  public boolean contains(Object value) {
    return value instanceof Double d && d >= low && d <= high;
  }

  @Override
  public Object sample(RandomGenerator random) {
    return fromUnit(random.nextDouble());
  }

  @Override
  public double toUnit(Object value) {
    if (!contains(value)) {
      throw Dimension.illegal(this, value, "a real in [" + low + ", " + high + "]");
    }
    double v = (Double) value;
    return log ? Math.log(v / low) / Math.log(high / low) : (v - low) / (high - low);
  }

  @Override
  public Object fromUnit(double u) {
    double c = Math.min(1, Math.max(0, u));
    if (c == 1) {
      return high;
    }
    double v = log ? low * Math.exp(c * Math.log(high / low)) : low + c * (high - low);
    return Math.min(high, Math.max(low, v));
  }

  @Override
  public long cardinality() {
    return -1;
  }
}
