package dev.lathe.api.space;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * A dimension over the integers {@code low, low + step, …, high}.
 *
 * @param name the dimension's name
 * @param low smallest value
 * @param high largest value; {@code high - low} must be a multiple of {@code step}
 * @param step distance between neighbouring values, at least 1
 */
@API(status = STABLE, since = "0.1")
public record IntegerDimension(String name, long low, long high, long step) implements Dimension {

  /** Checks the bounds. */
  public IntegerDimension {
    Names.check(name);
    if (high >= low && low < 0 && high > Long.MAX_VALUE + low) {
      throw new IllegalArgumentException("dimension '" + name + "': [" + low + ", " + high
          + "] is too wide (more than 2^63 - 1 values apart)");
    }
    if (step < 1 || high < low || (high - low) % step != 0) {
      throw new IllegalArgumentException("dimension '" + name + "': [" + low + ", " + high
          + "] step " + step + " is not a range (need low <= high, step >= 1 dividing high - low)");
    }
  }

  /** The integers from {@code low} to {@code high}, step 1. */
  public static IntegerDimension of(String name, long low, long high) {
    return new IntegerDimension(name, low, high, 1);
  }

  @Override
  public Kind kind() {
    return Kind.INTEGER;
  }

  @Override
  public boolean contains(Object value) {
    if (!(value instanceof Long || value instanceof Integer)) {
      return false;
    }
    long v = ((Number) value).longValue();
    return v >= low && v <= high && (v - low) % step == 0;
  }

  @Override
  public Object sample(RandomGenerator random) {
    return low + step * random.nextLong(cardinality());
  }

  @Override
  public double toUnit(Object value) {
    if (!contains(value)) {
      throw Dimension.illegal(this, value, "an integer in [" + low + ", " + high + "] step " + step);
    }
    return ((((Number) value).longValue() - low) / step + 0.5) / cardinality();
  }

  @Override
  public Object fromUnit(double u) {
    long n = cardinality();
    long i = (long) Math.floor(Math.min(1, Math.max(0, u)) * n);
    return low + step * Math.min(i, n - 1);
  }

  @Override
  public long cardinality() {
    return (high - low) / step + 1;
  }
}
