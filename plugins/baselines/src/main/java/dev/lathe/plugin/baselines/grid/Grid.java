package dev.lathe.plugin.baselines.grid;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The grid over a space: every choice of a categorical dimension in declared order, every value
 * of an integer dimension ascending, and {@code points} levels of a real dimension from its
 * lower to its upper bound, evenly spaced in its unit space (so geometrically for a log-real
 * one; one level, the midpoint, when {@code points} is 1). Grid points are numbered like the
 * iterations of nested loops over the dimensions in the space's order: the last dimension varies
 * fastest. Point {@code i} is computed from {@code i} in {@code O(d)}, without storing the grid.
 */
final class Grid {

  private final List<Dimension> dimensions;
  private final long[] levels;
  private final int points;
  private final long size;

  /**
   * The grid of {@code space} with {@code points} levels per real dimension.
   *
   * @throws IllegalArgumentException if the grid has more than {@code maxSize} points, with the
   *     size and the levels per dimension
   */
  Grid(String optimizerId, SearchSpace space, int points, long maxSize) {
    this.dimensions = List.copyOf(space.dimensions());
    this.points = points;
    this.levels = dimensions.stream()
        .mapToLong(d -> d.cardinality() < 0 ? points : d.cardinality()).toArray();
    long product = 1;
    boolean overflow = false;
    for (long l : levels) {
      try {
        product = Math.multiplyExact(product, l);
      } catch (ArithmeticException e) {
        overflow = true;
      }
    }
    if (overflow || product > maxSize) {
      throw new IllegalArgumentException("optimizer '" + optimizerId + "': the grid of space '"
          + space.id() + "' has " + (overflow ? "more than " + Long.MAX_VALUE : product)
          + " points (" + describeLevels() + "), more than max_size " + maxSize
          + "; lower points or raise max_size");
    }
    this.size = product;
  }

  /** The number of grid points. */
  long size() {
    return size;
  }

  /** Grid point {@code index}, in {@code [0, size())}. */
  Candidate point(long index) {
    long[] digits = new long[levels.length];
    long rest = index;
    for (int i = levels.length - 1; i >= 0; i--) {
      digits[i] = rest % levels[i];
      rest /= levels[i];
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < digits.length; i++) {
      values.put(dimensions.get(i).name(), level(dimensions.get(i), digits[i]));
    }
    return Candidate.of(values);
  }

  private Object level(Dimension d, long k) {
    if (d instanceof CategoricalDimension c) {
      return c.choices().get((int) k);
    }
    if (d instanceof IntegerDimension n) {
      return n.low() + n.step() * k;
    }
    RealDimension r = (RealDimension) d;
    return r.fromUnit(points == 1 ? 0.5 : (double) k / (points - 1));
  }

  /** The levels per dimension, e.g. {@code x1: 21 × x2: 21}. */
  String describeLevels() {
    return IntStream.range(0, levels.length)
        .mapToObj(i -> dimensions.get(i).name() + ": " + levels[i])
        .collect(Collectors.joining(" × "));
  }
}
