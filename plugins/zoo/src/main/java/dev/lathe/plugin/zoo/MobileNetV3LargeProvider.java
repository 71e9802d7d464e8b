package dev.lathe.plugin.zoo;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.SqueezeExcitation;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/**
 * {@code mobilenetv3-large}: MobileNetV3-Large (Howard et al., arXiv:1905.02244, Table 1) as
 * Once-for-All (arXiv:1908.09791) defines it. A 3×3 stride-2 stem (hard swish; output
 * {@code (r + 1) // 2}), fifteen inverted-residual blocks (1×1 expansion unless the expansion
 * is 1, depthwise k×k, squeeze-excitation with middle {@code make_divisible(mid // 4, 8)}, ReLU
 * and hard-sigmoid gate, 1×1 projection; a residual when shape allows), a 1×1 expansion to 960,
 * global average pooling, a 1×1 convolution 960 → 1280 without bias or batch norm on the pooled
 * map (hard swish), and a linear classifier. Convolutions have no bias and are followed by
 * batch norm. Node names follow OFA's modules.
 */
public final class MobileNetV3LargeProvider implements NetworkProvider {

  /**
   * Per block: kernel, middle (expanded) channels, output channels, squeeze-excitation,
   * hard swish (else ReLU), stride.
   */
  private record Block(int kernel, int mid, int out, boolean se, boolean hswish, int stride) {}

  private static final List<Block> BLOCKS = List.of(
      new Block(3, 16, 16, false, false, 1),
      new Block(3, 64, 24, false, false, 2),
      new Block(3, 72, 24, false, false, 1),
      new Block(5, 72, 40, true, false, 2),
      new Block(5, 120, 40, true, false, 1),
      new Block(5, 120, 40, true, false, 1),
      new Block(3, 240, 80, false, true, 2),
      new Block(3, 200, 80, false, true, 1),
      new Block(3, 184, 80, false, true, 1),
      new Block(3, 184, 80, false, true, 1),
      new Block(3, 480, 112, true, true, 1),
      new Block(3, 672, 112, true, true, 1),
      new Block(5, 672, 160, true, true, 2),
      new Block(5, 960, 160, true, true, 1),
      new Block(5, 960, 160, true, true, 1));

  @Override
  public PluginInfo info() {
    return PluginInfo.of("mobilenetv3-large", "0.1.0",
        "MobileNetV3-Large as Once-for-All defines it", Blocks.REQUIRES).withPaper("1905.02244",
        "Searching for MobileNetV3");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return Blocks.IMAGE_PARAMETERS;
  }

  @Override
  public Network create(PluginContext context) {
    int r = context.settings().getInt("r");
    Network.Builder b = Network.builder("mobilenetv3-large").input("image", Shape.of(3, r, r));
    Blocks.convBn(b, "first_conv", Convolution.conv2d(3, 16, 3).withStride(2).withPadding(1),
        Activation.HSWISH);
    int in = 16;
    for (int i = 0; i < BLOCKS.size(); i++) {
      Block block = BLOCKS.get(i);
      String name = "blocks." + i + ".conv";
      String input = b.last();
      Activation act = block.hswish() ? Activation.HSWISH : Activation.RELU;
      if (block.mid() != in) {
        Blocks.convBn(b, name + ".inverted_bottleneck", Convolution.conv2d(in, block.mid(), 1),
            act);
      }
      Blocks.convBn(b, name + ".depth_conv", Convolution.conv2d(block.mid(), block.mid(),
          block.kernel()).withStride(block.stride()).withSamePadding().depthwise(), act);
      if (block.se()) {
        b.add(name + ".depth_conv.se", SqueezeExcitation.of(block.mid(),
            Blocks.makeDivisible(block.mid() / 4, 8)).withGate(Activation.Function.HSIGMOID));
      }
      Blocks.convBn(b, name + ".point_linear", Convolution.conv2d(block.mid(), block.out(), 1),
          null);
      if (block.stride() == 1 && in == block.out()) {
        b.add("blocks." + i + ".add", Elementwise.ADD, b.last(), input);
      }
      in = block.out();
    }
    Blocks.convBn(b, "final_expand_layer", Convolution.conv2d(in, 960, 1), Activation.HSWISH);
    b.add("global_avg_pool", Pooling.globalAvg());
    b.add("feature_mix_layer.conv", Convolution.conv2d(960, 1280, 1).withBias(false));
    b.add("feature_mix_layer.act", Activation.HSWISH);
    b.add("flatten", new Flatten());
    b.add("classifier", Linear.of(1280, context.settings().getInt("classes")));
    return b.build();
  }
}
