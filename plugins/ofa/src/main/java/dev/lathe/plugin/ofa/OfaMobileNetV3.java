package dev.lathe.plugin.ofa;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.SqueezeExcitation;
import java.util.List;

/**
 * The networks of Once-for-All's MobileNetV3 space as the official code defines them
 * ({@code OFAMobileNetV3}): base widths 16, 16, 24, 40, 80, 112, 160, 960, 1280 scaled by the
 * width multiplier and rounded by {@code make_divisible(·, 8)}; a 3×3 stride-2 stem with hard
 * swish; a first block of expand ratio 1 (depthwise 3×3, ReLU, 1×1 projection, residual); five
 * elastic stages of strides 2, 2, 2, 1, 2 with ReLU, ReLU, hard swish, hard swish, hard swish and
 * squeeze-excitation in the second, fourth and fifth; then a 1×1 expansion to 960, global average
 * pooling, a 1×1 convolution to 1280 without bias or batch norm (hard swish) and a linear
 * classifier.
 *
 * <p>Each elastic block is an inverted residual: 1×1 expansion to
 * {@code make_divisible(round(in · e), 8)} channels, depthwise k×k with padding k/2, optional
 * squeeze-excitation with {@code make_divisible(mid / 4, 8)} middle channels (ReLU, hard-sigmoid
 * gate), 1×1 projection; convolutions have no bias and are followed by batch norm; a residual
 * joins blocks of stride 1 whose input and output widths are equal. Node names follow the
 * official modules ({@code blocks.7.conv.depth_conv.conv}), one block per {@code blocks.N} prefix.
 */
public final class OfaMobileNetV3 {

  /**
   * The base widths of the stem, the first block, the five stages, the final expansion and the
   * feature mix.
   */
  static final List<Integer> BASE_WIDTHS = List.of(16, 16, 24, 40, 80, 112, 160, 960, 1280);
  /** The stride of the first block and of each stage's first block. */
  static final List<Integer> STRIDES = List.of(1, 2, 2, 2, 1, 2);
  /** Whether the first block and each stage use hard swish (else ReLU). */
  static final List<Boolean> HSWISH = List.of(false, false, false, true, true, true);
  /** Whether the first block and each stage use squeeze-excitation. */
  static final List<Boolean> SQUEEZE_EXCITATION = List.of(false, false, true, false, true, true);

  private OfaMobileNetV3() {}

  /** The network of {@code subnet} with a classifier over {@code classes} classes. */
  public static Network network(Subnet subnet, int classes) {
    double w = subnet.width();
    int r = subnet.resolution();
    Network.Builder b = Network.builder("ofa-mbv3").input("image", Shape.of(3, r, r));
    int in = width(0, w);
    convBn(b, "first_conv", Convolution.conv2d(3, in, 3).withStride(2).withPadding(1),
        Activation.HSWISH);
    int firstOut = width(1, w);
    String input = b.last();
    convBn(b, "blocks.0.conv.depth_conv",
        Convolution.conv2d(in, in, 3).withSamePadding().depthwise(), Activation.RELU);
    convBn(b, "blocks.0.conv.point_linear", Convolution.conv2d(in, firstOut, 1), null);
    if (in == firstOut) {
      b.add("blocks.0.add", Elementwise.ADD, b.last(), input);
    }
    in = firstOut;
    for (int block = 0; block < Subnet.BLOCKS; block++) {
      if (!subnet.active(block)) {
        continue;
      }
      int stage = block / Subnet.MAX_DEPTH;
      int out = width(stage + 2, w);
      int stride = block % Subnet.MAX_DEPTH == 0 ? STRIDES.get(stage + 1) : 1;
      int mid = makeDivisible(Math.round(in * (double) subnet.expands().get(block)), 8);
      mbConv(b, "blocks." + (block + 1), in, mid, out, subnet.kernels().get(block), stride,
          HSWISH.get(stage + 1), SQUEEZE_EXCITATION.get(stage + 1));
      in = out;
    }
    int expand = width(7, w);
    convBn(b, "final_expand_layer", Convolution.conv2d(in, expand, 1), Activation.HSWISH);
    b.add("global_avg_pool", Pooling.globalAvg());
    int mix = width(8, w);
    b.add("feature_mix_layer.conv", Convolution.conv2d(expand, mix, 1).withBias(false));
    b.add("feature_mix_layer.act", Activation.HSWISH);
    b.add("flatten", new Flatten());
    b.add("classifier", Linear.of(mix, classes));
    return b.build();
  }

  /**
   * Adds one inverted-residual block under {@code name} ({@code name.conv.inverted_bottleneck},
   * {@code .depth_conv}, {@code .depth_conv.se}, {@code .point_linear}, {@code name.add}).
   */
  public static void mbConv(Network.Builder b, String name, int in, int mid, int out, int kernel,
      int stride, boolean hswish, boolean se) {
    String input = b.last();
    Activation act = hswish ? Activation.HSWISH : Activation.RELU;
    convBn(b, name + ".conv.inverted_bottleneck", Convolution.conv2d(in, mid, 1), act);
    convBn(b, name + ".conv.depth_conv", Convolution.conv2d(mid, mid, kernel).withStride(stride)
        .withSamePadding().depthwise(), act);
    if (se) {
      b.add(name + ".conv.depth_conv.se", SqueezeExcitation.of(mid, makeDivisible(mid / 4, 8))
          .withGate(Activation.Function.HSIGMOID));
    }
    convBn(b, name + ".conv.point_linear", Convolution.conv2d(mid, out, 1), null);
    if (stride == 1 && in == out) {
      b.add(name + ".add", Elementwise.ADD, b.last(), input);
    }
  }

  /** The width of base width {@code index} under multiplier {@code w}. */
  static int width(int index, double w) {
    return makeDivisible(BASE_WIDTHS.get(index) * w, 8);
  }

  /**
   * Adds {@code name.conv} (no bias), {@code name.bn} and, unless {@code activation} is null,
   * {@code name.act}.
   */
  public static void convBn(Network.Builder b, String name, Convolution conv,
      Activation activation) {
    b.add(name + ".conv", conv.withBias(false));
    b.add(name + ".bn", Normalization.batch(conv.outChannels()));
    if (activation != null) {
      b.add(name + ".act", activation);
    }
  }

  /**
   * {@code v} rounded to the nearest multiple of {@code divisor} (at least {@code divisor}),
   * raised by one {@code divisor} if that lost more than 10%: {@code make_divisible} of the
   * MobileNet and OFA code.
   */
  public static int makeDivisible(double v, int divisor) {
    int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
    return rounded < 0.9 * v ? rounded + divisor : rounded;
  }
}
