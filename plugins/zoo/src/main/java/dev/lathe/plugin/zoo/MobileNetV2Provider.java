package dev.lathe.plugin.zoo;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/**
 * {@code mobilenetv2}: MobileNetV2 at width 1.0 (Sandler et al., arXiv:1801.04381, Table 2) as
 * torchvision builds it: a 3×3 stride-2 stem of 32 channels, seventeen inverted residuals
 * (expansion t, output c, n repeats, first stride s), a 1×1 convolution to 1280, global average
 * pooling and a linear classifier. Every convolution is bias-free, batch-normalised and followed
 * by ReLU6, except the linear 1×1 projections.
 */
public final class MobileNetV2Provider implements NetworkProvider {

  /** One row of the paper's Table 2: expansion, output channels, repeats, first stride. */
  private record Stage(int t, int c, int n, int s) {}

  private static final List<Stage> STAGES = List.of(
      new Stage(1, 16, 1, 1), new Stage(6, 24, 2, 2), new Stage(6, 32, 3, 2),
      new Stage(6, 64, 4, 2), new Stage(6, 96, 3, 1), new Stage(6, 160, 3, 2),
      new Stage(6, 320, 1, 1));

  @Override
  public PluginInfo info() {
    return PluginInfo.of("mobilenetv2", "0.1.0", "MobileNetV2 (width 1.0)", Blocks.REQUIRES)
        .withPaper("1801.04381",
        "MobileNetV2: Inverted Residuals and Linear Bottlenecks");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return Blocks.IMAGE_PARAMETERS;
  }

  @Override
  public Network create(PluginContext context) {
    int r = context.settings().getInt("r");
    Network.Builder b = Network.builder("mobilenetv2").input("image", Shape.of(3, r, r));
    Blocks.convBn(b, "features.0", Convolution.conv2d(3, 32, 3).withStride(2).withPadding(1),
        Activation.RELU6);
    int in = 32;
    int index = 1;
    for (Stage stage : STAGES) {
      for (int i = 0; i < stage.n(); i++, index++) {
        String name = "features." + index;
        String input = b.last();
        int stride = i == 0 ? stage.s() : 1;
        int hidden = in * stage.t();
        if (stage.t() != 1) {
          Blocks.convBn(b, name + ".expand", Convolution.conv2d(in, hidden, 1), Activation.RELU6);
        }
        Blocks.convBn(b, name + ".depthwise", Convolution.conv2d(hidden, hidden, 3)
            .withStride(stride).withPadding(1).depthwise(), Activation.RELU6);
        Blocks.convBn(b, name + ".project", Convolution.conv2d(hidden, stage.c(), 1), null);
        if (stride == 1 && in == stage.c()) {
          b.add(name + ".add", Elementwise.ADD, b.last(), input);
        }
        in = stage.c();
      }
    }
    Blocks.convBn(b, "features." + index, Convolution.conv2d(in, 1280, 1), Activation.RELU6);
    b.add("avgpool", Pooling.globalAvg());
    b.add("flatten", new Flatten());
    b.add("classifier", Linear.of(1280, context.settings().getInt("classes")));
    return b.build();
  }
}
