package dev.lathe.api.space;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * A dimension over a finite list of unordered choices.
 *
 * @param name the dimension's name
 * @param choices the distinct choices, each a {@code String}, {@code Long}, {@code Double} or
 *     {@code Boolean}; at least one
 */
@API(status = STABLE, since = "0.1")
public record CategoricalDimension(String name, List<Object> choices) implements Dimension {

  /** Checks name and choices; integer choices of type {@code Integer} become {@code Long}. */
  public CategoricalDimension {
    Names.check(name);
    choices = choices.stream().map(c -> {
      try {
        return normalise(c);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("dimension '" + name + "': " + e.getMessage(), e);
      }
    }).toList();
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("dimension '" + name + "' has no choices");
    }
    if (new HashSet<>(choices).size() != choices.size()) {
      throw new IllegalArgumentException("dimension '" + name + "' repeats a choice: " + choices);
    }
  }

  /** A categorical dimension over the given choices. */
  public static CategoricalDimension of(String name, Object... choices) {
    return new CategoricalDimension(name, List.of(choices));
  }

  /** Whether {@code v} is a string, an integer or real of a primitive wrapper, or a boolean. */
  private static boolean supported(Object v) {
    return v instanceof String || v instanceof Long || v instanceof Integer || v instanceof Short
        || v instanceof Byte || v instanceof Double || v instanceof Float || v instanceof Boolean;
  }

  static Object normalise(Object v) {
    Objects.requireNonNull(v, "choice");
    if (!supported(v)) {
      throw new IllegalArgumentException("choice " + v + " is a " + v.getClass().getSimpleName()
          + "; choices must be strings, integers, reals or booleans");
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    return v;
  }

  @Override
  public Kind kind() {
    return Kind.CATEGORICAL;
  }

  @Override
  public boolean contains(Object value) {
    return supported(value) && choices.contains(normalise(value));
  }

  /** The position of {@code value} among the choices. */
  public int indexOf(Object value) {
    int i = contains(value) ? choices.indexOf(normalise(value)) : -1;
    if (i < 0) {
      throw Dimension.illegal(this, value, "one of " + choices);
    }
    return i;
  }

  @Override
  public Object sample(RandomGenerator random) {
    return choices.get(random.nextInt(choices.size()));
  }

  @Override
  public double toUnit(Object value) {
    return (indexOf(value) + 0.5) / choices.size();
  }

  @Override
  public Object fromUnit(double u) {
    int i = (int) Math.floor(Math.min(1, Math.max(0, u)) * choices.size());
    return choices.get(Math.min(i, choices.size() - 1));
  }

  @Override
  public long cardinality() {
    return choices.size();
  }
}
