package dev.lathe.plugin.ofa.supernet;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import dev.lathe.plugin.ofa.OfaMobileNetV3;
import java.util.List;

/**
 * The scaled-down OFA-MobileNetV3 that {@link ElasticSupernet} shares its weights over, for
 * Fashion-MNIST's 1×28×28 images: a 3×3 stride-2 stem to 8 channels (hard swish), a first
 * block of expand ratio 1 (depthwise 3×3, ReLU, 1×1 to 8, residual), three elastic stages of
 * widths 16, 24, 32, strides 2, 1, 2, activations ReLU, hard swish, hard swish and no
 * squeeze-excitation, a 1×1 expansion to 96 (hard swish), global average pooling, a 1×1
 * convolution to 128 without bias or batch norm (hard swish) and a linear classifier. Blocks are
 * OFA's inverted residuals ({@link OfaMobileNetV3#mbConv}) under OFA's node names.
 */
public final class MiniNetwork {

  /** The stem's and the first block's width. */
  static final int STEM = 8;
  /** The widths of the elastic stages. */
  static final List<Integer> WIDTHS = List.of(16, 24, 32);
  /** The stride of each stage's first block. */
  static final List<Integer> STRIDES = List.of(2, 1, 2);
  /** Whether each stage uses hard swish (else ReLU). */
  static final List<Boolean> HSWISH = List.of(false, true, true);
  /** The final expansion's width. */
  static final int FINAL_EXPAND = 96;
  /** The feature mix layer's width. */
  static final int MIX = 128;
  /** The classes of Fashion-MNIST. */
  public static final int CLASSES = 10;

  private MiniNetwork() {}

  /** The input channels of elastic block {@code block}. */
  static int inChannels(int block) {
    int stage = block / MiniSubnet.MAX_DEPTH;
    if (block % MiniSubnet.MAX_DEPTH != 0) {
      return WIDTHS.get(stage);
    }
    return stage == 0 ? STEM : WIDTHS.get(stage - 1);
  }

  /** The middle channels of elastic block {@code block} at expand ratio {@code e}. */
  static int middle(int block, int e) {
    return OfaMobileNetV3.makeDivisible(Math.round(inChannels(block) * (double) e), 8);
  }

  /** The stride of elastic block {@code block}. */
  static int stride(int block) {
    return block % MiniSubnet.MAX_DEPTH == 0 ? STRIDES.get(block / MiniSubnet.MAX_DEPTH) : 1;
  }

  /** The network of {@code subnet}. */
  public static Network network(MiniSubnet subnet) {
    int r = subnet.resolution();
    Network.Builder b = Network.builder("ofa-mini").input("image", Shape.of(1, r, r));
    OfaMobileNetV3.convBn(b, "first_conv", Convolution.conv2d(1, STEM, 3).withStride(2)
        .withPadding(1), Activation.HSWISH);
    String input = b.last();
    OfaMobileNetV3.convBn(b, "blocks.0.conv.depth_conv", Convolution.conv2d(STEM, STEM, 3)
        .withSamePadding().depthwise(), Activation.RELU);
    OfaMobileNetV3.convBn(b, "blocks.0.conv.point_linear", Convolution.conv2d(STEM, STEM, 1),
        null);
    b.add("blocks.0.add", Elementwise.ADD, b.last(), input);
    for (int block = 0; block < MiniSubnet.BLOCKS; block++) {
      if (subnet.active(block)) {
        int stage = block / MiniSubnet.MAX_DEPTH;
        OfaMobileNetV3.mbConv(b, "blocks." + (block + 1), inChannels(block),
            middle(block, subnet.expands().get(block)), WIDTHS.get(stage),
            subnet.kernels().get(block), stride(block), HSWISH.get(stage), false);
      }
    }
    OfaMobileNetV3.convBn(b, "final_expand_layer", Convolution.conv2d(WIDTHS.get(2),
        FINAL_EXPAND, 1), Activation.HSWISH);
    b.add("global_avg_pool", Pooling.globalAvg());
    b.add("feature_mix_layer.conv", Convolution.conv2d(FINAL_EXPAND, MIX, 1).withBias(false));
    b.add("feature_mix_layer.act", Activation.HSWISH);
    b.add("flatten", new Flatten());
    b.add("classifier", Linear.of(MIX, CLASSES));
    return b.build();
  }
}
