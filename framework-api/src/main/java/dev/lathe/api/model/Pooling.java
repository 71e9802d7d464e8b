package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A max or average pooling over the spatial axes of a {@code [C, …]} tensor. A local pooling
 * has a window, a stride and zero padding (one value for every axis, or one per axis; output
 * size {@code ⌊(L + 2p − k) / s⌋ + 1}, PyTorch's default floor mode). A global pooling reduces
 * every spatial axis to 1 and keeps it, like PyTorch's {@code AdaptiveAvgPool2d(1)}.
 *
 * @param type max or average
 * @param kernel window size per axis (one value: every axis); empty when global
 * @param stride stride per axis (one value: every axis); empty when global
 * @param padding zero padding per axis (one value: every axis), at most half the window; empty
 *     when global
 * @param global whether it pools each channel's whole extent
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Pooling(Type type, List<Integer> kernel, List<Integer> stride,
    List<Integer> padding, boolean global) implements Layer {

  /** Max or average. */
  public enum Type {
    MAX, AVG
  }

  /** Checks the window. */
  public Pooling {
    java.util.Objects.requireNonNull(type, "type");
    kernel = List.copyOf(kernel);
    stride = List.copyOf(stride);
    padding = List.copyOf(padding);
    String name = type.name().toLowerCase(Locale.ROOT) + "-pool";
    if (global != kernel.isEmpty() || kernel.size() != stride.size()
        || kernel.size() != padding.size()) {
      throw new IllegalArgumentException(name + ": a local pooling needs as many kernel, stride"
          + " and padding sizes (1 or one per axis); a global one none");
    }
    for (int i = 0; i < kernel.size(); i++) {
      if (kernel.get(i) < 1 || stride.get(i) < 1 || padding.get(i) < 0
          || 2 * padding.get(i) > kernel.get(i)) {
        throw new IllegalArgumentException(name + ": kernel " + kernel + ", stride " + stride
            + ", padding " + padding + " need sizes ≥ 1 and padding at most half the kernel");
      }
    }
  }

  /** Max pooling with window {@code kernel} and the same stride, no padding. */
  public static Pooling max(int... kernel) {
    return local(Type.MAX, kernel);
  }

  /** Average pooling with window {@code kernel} and the same stride, no padding. */
  public static Pooling avg(int... kernel) {
    return local(Type.AVG, kernel);
  }

  /** Global average pooling: {@code [C, …] → [C, 1, …]}. */
  public static Pooling globalAvg() {
    return new Pooling(Type.AVG, List.of(), List.of(), List.of(), true);
  }

  /** Global max pooling: {@code [C, …] → [C, 1, …]}. */
  public static Pooling globalMax() {
    return new Pooling(Type.MAX, List.of(), List.of(), List.of(), true);
  }

  private static Pooling local(Type type, int... kernel) {
    List<Integer> k = list(kernel);
    return new Pooling(type, k, k, java.util.Collections.nCopies(k.size(), 0), false);
  }

  /** This pooling with stride {@code stride}, as many values as the kernel has. */
  public Pooling withStride(int... stride) {
    return new Pooling(type, kernel, list(stride), padding, global);
  }

  /** This pooling with zero padding {@code padding}, as many values as the kernel has. */
  public Pooling withPadding(int... padding) {
    return new Pooling(type, kernel, stride, list(padding), global);
  }

  @Override
  public String kind() {
    return (global ? "global-" : "") + type.name().toLowerCase(Locale.ROOT) + "-pool";
  }

  @Override
  public String describe() {
    if (global) {
      return kind();
    }
    return kind() + " k" + Axes.text(kernel) + " s" + Axes.text(stride)
        + (Axes.all(padding, 0) ? "" : " p" + Axes.text(padding));
  }

  /** The window size per spatial axis for an input of shape {@code in}. */
  public List<Integer> window(Shape in) {
    if (global) {
      return in.spatial();
    }
    return Axes.of(kind(), "kernel", in.rank() - 1, 1, kernel);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    if (in.rank() < 2) {
      throw new IllegalArgumentException("expects [C, …] with at least one spatial axis, got "
          + in);
    }
    int axes = in.rank() - 1;
    if (!global && kernel.size() != 1 && kernel.size() != axes) {
      throw new IllegalArgumentException("has " + kernel.size() + " kernel sizes for the "
          + axes + " spatial axes of " + in);
    }
    List<Integer> out = new ArrayList<>();
    out.add(in.dim(0));
    for (int i = 0; i < axes; i++) {
      if (global) {
        out.add(1);
        continue;
      }
      int k = pick(kernel, i);
      long size = Math.floorDiv((long) in.dim(i + 1) + 2L * pick(padding, i) - k, pick(stride, i))
          + 1;
      if (size < 1) {
        throw new IllegalArgumentException("window " + k + " does not fit axis " + (i + 1)
            + " of " + in);
      }
      out.add((int) size);
    }
    return new Shape(out);
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.pooling(this);
  }

  private static int pick(List<Integer> values, int axis) {
    return values.get(values.size() == 1 ? 0 : axis);
  }

  private static List<Integer> list(int... values) {
    List<Integer> list = new ArrayList<>();
    for (int v : values) {
      list.add(v);
    }
    return list;
  }
}
