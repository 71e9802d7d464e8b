package dev.lathe.plugin.zoo;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import java.util.List;

/**
 * Residual networks (He et al., arXiv:1512.03385, Table 1) as torchvision builds them ("v1.5":
 * a bottleneck block strides in its 3×3 convolution): a 7×7 stride-2 stem of 64 channels, 3×3
 * stride-2 max pooling, four stages of 64, 128, 256 and 512 base channels (the last three start
 * with stride 2; a 1×1 convolution with batch norm projects the shortcut where the shape
 * changes), global average pooling and a linear classifier. Convolutions have no bias and are
 * followed by batch norm.
 */
final class ResNets {

  private static final int[] WIDTHS = {64, 128, 256, 512};

  private ResNets() {}

  /**
   * The network {@code id} with {@code blocks} blocks per stage, basic (two 3×3) or bottleneck
   * (1×1, 3×3, 1×1 to four times the width) blocks.
   */
  static Network build(String id, List<Integer> blocks, boolean bottleneck, int r, int classes) {
    Network.Builder b = Network.builder(id).input("image", Shape.of(3, r, r));
    b.add("conv1", Convolution.conv2d(3, 64, 7).withStride(2).withPadding(3).withBias(false));
    b.add("bn1", Normalization.batch(64));
    b.add("relu", Activation.RELU);
    b.add("maxpool", Pooling.max(3).withStride(2).withPadding(1));
    int in = 64;
    for (int stage = 0; stage < WIDTHS.length; stage++) {
      int width = WIDTHS[stage];
      int out = bottleneck ? 4 * width : width;
      for (int i = 0; i < blocks.get(stage); i++) {
        String name = "layer" + (stage + 1) + "." + i;
        int stride = i == 0 && stage > 0 ? 2 : 1;
        String input = b.last();
        if (bottleneck) {
          Blocks.convBn(b, name + ".1", Convolution.conv2d(in, width, 1), Activation.RELU);
          Blocks.convBn(b, name + ".2", Convolution.conv2d(width, width, 3).withStride(stride)
              .withPadding(1), Activation.RELU);
          Blocks.convBn(b, name + ".3", Convolution.conv2d(width, out, 1), null);
        } else {
          Blocks.convBn(b, name + ".1", Convolution.conv2d(in, width, 3).withStride(stride)
              .withPadding(1), Activation.RELU);
          Blocks.convBn(b, name + ".2", Convolution.conv2d(width, width, 3).withPadding(1), null);
        }
        String residual = b.last();
        String shortcut = input;
        if (stride != 1 || in != out) {
          shortcut = b.add(name + ".downsample.conv", Convolution.conv2d(in, out, 1)
              .withStride(stride).withBias(false), input)
              .add(name + ".downsample.bn", Normalization.batch(out)).last();
        }
        b.add(name + ".add", Elementwise.ADD, residual, shortcut);
        b.add(name + ".relu", Activation.RELU);
        in = out;
      }
    }
    b.add("avgpool", Pooling.globalAvg());
    b.add("flatten", new Flatten());
    b.add("fc", Linear.of(in, classes));
    return b.build();
  }
}
