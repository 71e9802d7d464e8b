package dev.lathe.api.model;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** Per-axis sizes of kernels, strides and paddings: checking, broadcasting and printing. */
final class Axes {

  private Axes() {}

  /**
   * {@code values} for {@code rank} axes: one value stands for every axis.
   *
   * @throws IllegalArgumentException naming {@code what} if the count is wrong or a value is
   *     below {@code min}
   */
  static List<Integer> of(String layer, String what, int rank, int min, List<Integer> values) {
    if (values.size() == 1 && rank > 1) {
      values = Collections.nCopies(rank, values.get(0));
    }
    if (values.size() != rank) {
      throw new IllegalArgumentException(layer + ": " + what + " " + values + " needs 1 or "
          + rank + " values");
    }
    for (int v : values) {
      if (v < min) {
        throw new IllegalArgumentException(layer + ": " + what + " " + values
            + " has a value below " + min);
      }
    }
    return List.copyOf(values);
  }

  /** The product of the sizes. */
  static long product(List<Integer> values) {
    long p = 1;
    for (int v : values) {
      p = Math.multiplyExact(p, v);
    }
    return p;
  }

  /** {@code 3} if every axis is 3, else {@code 1x3x3}. */
  static String text(List<Integer> values) {
    if (values.stream().distinct().count() == 1) {
      return values.get(0).toString();
    }
    return values.stream().map(String::valueOf).collect(Collectors.joining("x"));
  }

  /** Whether every value is {@code v}. */
  static boolean all(List<Integer> values, int v) {
    return values.stream().allMatch(x -> x == v);
  }
}
