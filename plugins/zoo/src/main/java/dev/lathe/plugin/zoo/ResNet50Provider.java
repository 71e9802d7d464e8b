package dev.lathe.plugin.zoo;

import dev.lathe.api.model.Network;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/** {@code resnet50}: ResNet-50 with an ImageNet head, bottleneck blocks [3, 4, 6, 3], as {@link ResNets} builds it. */
public final class ResNet50Provider implements NetworkProvider {

  @Override
  public PluginInfo info() {
    return PluginInfo.of("resnet50", "0.1.0", "ResNet-50", Blocks.REQUIRES)
        .withPaper("1512.03385",
        "Deep Residual Learning for Image Recognition");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return Blocks.IMAGE_PARAMETERS;
  }

  @Override
  public Network create(PluginContext context) {
    return ResNets.build("resnet50", List.of(3, 4, 6, 3), true, context.settings().getInt("r"),
        context.settings().getInt("classes"));
  }
}
