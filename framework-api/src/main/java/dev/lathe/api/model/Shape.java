package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The shape of one activation tensor without its batch dimension: {@code [C, H, W]} for images,
 * {@code [C, L]} for one-dimensional signals, {@code [C, D, H, W]} for volumes and clips,
 * {@code [T, D]} for sequences of feature vectors and {@code [T]} for sequences of token ids.
 *
 * @param dims the sizes, each at least 1; at least one of them
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Shape(List<Integer> dims) {

  /** Checks and copies the sizes. */
  public Shape {
    dims = List.copyOf(dims);
    if (dims.isEmpty()) {
      throw new IllegalArgumentException("a shape needs at least one dimension");
    }
    for (int d : dims) {
      if (d < 1) {
        throw new IllegalArgumentException("shape " + text(dims) + " has a size below 1");
      }
    }
  }

  /** The shape with these sizes. */
  public static Shape of(int... dims) {
    return new Shape(java.util.Arrays.stream(dims).boxed().toList());
  }

  /** The number of dimensions. */
  public int rank() {
    return dims.size();
  }

  /** The size of dimension {@code axis}; a negative axis counts from the end. */
  public int dim(int axis) {
    return dims.get(axis < 0 ? dims.size() + axis : axis);
  }

  /** The sizes after the first: the spatial (or temporal) extent of a {@code [C, …]} tensor. */
  public List<Integer> spatial() {
    return dims.subList(1, dims.size());
  }

  /** The number of elements. */
  public long elements() {
    long n = 1;
    for (int d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** This shape with dimension {@code axis} (negative: from the end) set to {@code size}. */
  public Shape with(int axis, int size) {
    Integer[] copy = dims.toArray(new Integer[0]);
    copy[axis < 0 ? copy.length + axis : axis] = size;
    return new Shape(List.of(copy));
  }

  /** The sizes in brackets, e.g. {@code [3, 224, 224]}. */
  @Override
  public String toString() {
    return text(dims);
  }

  private static String text(List<Integer> dims) {
    return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
  }
}
