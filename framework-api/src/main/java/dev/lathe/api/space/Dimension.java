package dev.lathe.api.space;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * One typed axis of a search space. Values are plain Java objects: {@code Long} for integer
 * dimensions, {@code Double} for real ones, and one of the declared choices (a {@code String},
 * {@code Long}, {@code Double} or {@code Boolean}) for categorical ones.
 */
@API(status = STABLE, since = "0.1")
public sealed interface Dimension permits CategoricalDimension, IntegerDimension, RealDimension {

  /** The kinds of dimension, which optimizers declare they support. */
  enum Kind {
    CATEGORICAL, INTEGER, REAL, LOG_REAL
  }

  /** The dimension's name, unique within its space. */
  String name();

  /** This dimension's kind. */
  Kind kind();

  /** Whether {@code value} is a legal value of this dimension. */
  boolean contains(Object value);

  /** A value drawn uniformly (log-uniformly for {@link Kind#LOG_REAL}). */
  Object sample(RandomGenerator random);

  /**
   * Maps a value into [0, 1]: choices and integers to the centres of equal cells, reals
   * linearly (logarithmically for {@link Kind#LOG_REAL}).
   */
  double toUnit(Object value);

  /** The value whose cell contains {@code u}; {@code u} is clamped to [0, 1]. */
  Object fromUnit(double u);

  /** The number of distinct values, or {@code -1} for a continuous dimension. */
  long cardinality();

  /** Names a dimension in error messages. */
  static IllegalArgumentException illegal(Dimension d, Object value, String allowed) {
    return new IllegalArgumentException(
        "dimension '" + d.name() + "': value " + value + " is not " + allowed);
  }
}
