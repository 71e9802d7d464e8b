package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A convolution over one, two or three spatial axes of a {@code [C, …]} tensor, as PyTorch's
 * {@code ConvNd} and {@code ConvTransposeNd} define it: kernel, stride, zero padding and dilation
 * per axis, channel groups (depthwise when {@code groups} equals the input channels), an
 * optional bias, and for a transposed convolution an output padding.
 *
 * <p>Output size per axis: {@code ⌊(L + 2p − d(k − 1) − 1) / s⌋ + 1}; transposed:
 * {@code (L − 1)s − 2p + d(k − 1) + op + 1}.
 *
 * @param spatialRank 1, 2 or 3
 * @param inChannels input channels
 * @param outChannels output channels
 * @param kernel kernel size per axis
 * @param stride stride per axis
 * @param padding zero padding per axis, on both sides
 * @param dilation dilation per axis
 * @param groups channel groups; divides both channel counts
 * @param bias whether it adds a bias per output channel
 * @param transposed whether it is a transposed (fractionally strided) convolution
 * @param outputPadding extra size added to one side of a transposed convolution's output, per
 *     axis; each below the stride or the dilation; zeros otherwise
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Convolution(
    int spatialRank, int inChannels, int outChannels, List<Integer> kernel, List<Integer> stride,
    List<Integer> padding, List<Integer> dilation, int groups, boolean bias, boolean transposed,
    List<Integer> outputPadding) implements Layer {

  /** Checks the attributes and spreads single values over every axis. */
  public Convolution {
    if (spatialRank < 1 || spatialRank > 3) {
      throw new IllegalArgumentException("convolution: spatial rank " + spatialRank
          + " is not 1, 2 or 3");
    }
    String name = (transposed ? "conv-transpose" : "conv") + spatialRank + "d";
    if (inChannels < 1 || outChannels < 1) {
      throw new IllegalArgumentException(name + ": channels " + inChannels + "→" + outChannels
          + " must be at least 1");
    }
    kernel = Axes.of(name, "kernel", spatialRank, 1, kernel);
    stride = Axes.of(name, "stride", spatialRank, 1, stride);
    padding = Axes.of(name, "padding", spatialRank, 0, padding);
    dilation = Axes.of(name, "dilation", spatialRank, 1, dilation);
    outputPadding = Axes.of(name, "output padding", spatialRank, 0, outputPadding);
    if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0) {
      throw new IllegalArgumentException(name + ": groups " + groups + " must divide both "
          + inChannels + " input and " + outChannels + " output channels");
    }
    for (int i = 0; i < spatialRank; i++) {
      int op = outputPadding.get(i);
      if (!transposed && op != 0) {
        throw new IllegalArgumentException(name + ": output padding applies to transposed"
            + " convolutions only");
      }
      if (op >= Math.max(stride.get(i), dilation.get(i))) {
        throw new IllegalArgumentException(name + ": output padding " + outputPadding
            + " must be below the stride " + stride + " or the dilation " + dilation);
      }
    }
  }

  /** A 1-d convolution {@code [C, L]}, stride 1, no padding, with a bias. */
  public static Convolution conv1d(int in, int out, int kernel) {
    return of(1, in, out, kernel);
  }

  /** A 2-d convolution {@code [C, H, W]}: {@code kernel} has 1 or 2 sizes; stride 1, no padding, with a bias. */
  public static Convolution conv2d(int in, int out, int... kernel) {
    return of(2, in, out, kernel);
  }

  /** A 3-d convolution {@code [C, D, H, W]}: {@code kernel} has 1 or 3 sizes; stride 1, no padding, with a bias. */
  public static Convolution conv3d(int in, int out, int... kernel) {
    return of(3, in, out, kernel);
  }

  private static Convolution of(int rank, int in, int out, int... kernel) {
    return new Convolution(rank, in, out, list(kernel), List.of(1), List.of(0), List.of(1), 1,
        true, false, List.of(0));
  }

  /** This convolution with stride {@code stride} (one value, or one per axis). */
  public Convolution withStride(int... stride) {
    return new Convolution(spatialRank, inChannels, outChannels, kernel, list(stride), padding,
        dilation, groups, bias, transposed, outputPadding);
  }

  /** This convolution with zero padding {@code padding} (one value, or one per axis). */
  public Convolution withPadding(int... padding) {
    return new Convolution(spatialRank, inChannels, outChannels, kernel, stride, list(padding),
        dilation, groups, bias, transposed, outputPadding);
  }

  /**
   * This convolution padded by {@code ⌊d(k − 1) / 2⌋} per axis, which keeps the size at stride 1
   * for odd kernels and gives {@code ⌈L / s⌉} at stride {@code s}.
   */
  public Convolution withSamePadding() {
    List<Integer> same = new ArrayList<>();
    for (int i = 0; i < spatialRank; i++) {
      same.add(dilation.get(i) * (kernel.get(i) - 1) / 2);
    }
    return new Convolution(spatialRank, inChannels, outChannels, kernel, stride, same, dilation,
        groups, bias, transposed, outputPadding);
  }

  /** This convolution with dilation {@code dilation} (one value, or one per axis). */
  public Convolution withDilation(int... dilation) {
    return new Convolution(spatialRank, inChannels, outChannels, kernel, stride, padding,
        list(dilation), groups, bias, transposed, outputPadding);
  }

  /** This convolution in {@code groups} channel groups. */
  public Convolution withGroups(int groups) {
    return new Convolution(spatialRank, inChannels, outChannels, kernel, stride, padding,
        dilation, groups, bias, transposed, outputPadding);
  }

  /** This convolution depthwise: one group per input channel. */
  public Convolution depthwise() {
    return withGroups(inChannels);
  }

  /** This convolution with or without a bias. */
  public Convolution withBias(boolean bias) {
    return new Convolution(spatialRank, inChannels, outChannels, kernel, stride, padding,
        dilation, groups, bias, transposed, outputPadding);
  }

  /**
   * This convolution transposed, with output padding {@code outputPadding} (none: 0; one value,
   * or one per axis).
   */
  public Convolution transpose(int... outputPadding) {
    return new Convolution(spatialRank, inChannels, outChannels, kernel, stride, padding,
        dilation, groups, bias, true, outputPadding.length == 0 ? List.of(0)
            : list(outputPadding));
  }

  @Override
  public String kind() {
    return (transposed ? "conv-transpose" : "conv") + spatialRank + "d";
  }

  @Override
  public String describe() {
    StringBuilder text = new StringBuilder(kind()).append(' ').append(inChannels).append('→')
        .append(outChannels).append(" k").append(Axes.text(kernel));
    if (!Axes.all(stride, 1)) {
      text.append(" s").append(Axes.text(stride));
    }
    if (!Axes.all(padding, 0)) {
      text.append(" p").append(Axes.text(padding));
    }
    if (!Axes.all(dilation, 1)) {
      text.append(" d").append(Axes.text(dilation));
    }
    if (!Axes.all(outputPadding, 0)) {
      text.append(" op").append(Axes.text(outputPadding));
    }
    if (groups > 1) {
      text.append(groups == inChannels ? " depthwise" : " g" + groups);
    }
    return text.append(bias ? " +bias" : "").toString();
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    if (in.rank() != spatialRank + 1) {
      throw new IllegalArgumentException("expects a rank-" + (spatialRank + 1) + " input "
          + (spatialRank == 1 ? "[C, L]" : spatialRank == 2 ? "[C, H, W]" : "[C, D, H, W]")
          + ", got " + in);
    }
    if (in.dim(0) != inChannels) {
      throw new IllegalArgumentException("expects " + inChannels + " input channels, got " + in);
    }
    List<Integer> out = new ArrayList<>();
    out.add(outChannels);
    for (int i = 0; i < spatialRank; i++) {
      long length = in.dim(i + 1);
      long span = (long) dilation.get(i) * (kernel.get(i) - 1);
      long size = transposed
          ? (length - 1) * stride.get(i) - 2L * padding.get(i) + span + outputPadding.get(i) + 1
          : Math.floorDiv(length + 2L * padding.get(i) - span - 1, stride.get(i)) + 1;
      if (size < 1 || size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("gives no valid output size on axis " + (i + 1)
            + " of " + in + " (size " + size + ")");
      }
      out.add((int) size);
    }
    return new Shape(out);
  }

  @Override
  public long weights() {
    return (long) inChannels * (outChannels / groups) * Axes.product(kernel);
  }

  @Override
  public long biases() {
    return bias ? outChannels : 0;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.convolution(this);
  }

  private static List<Integer> list(int... values) {
    List<Integer> list = new ArrayList<>();
    for (int v : values) {
      list.add(v);
    }
    return list;
  }
}
