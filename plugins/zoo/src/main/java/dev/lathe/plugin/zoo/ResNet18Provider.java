package dev.lathe.plugin.zoo;

import dev.lathe.api.model.Network;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/** {@code resnet18}: ResNet-18 with an ImageNet head, basic blocks [2, 2, 2, 2], as {@link ResNets} builds it. */
public final class ResNet18Provider implements NetworkProvider {

  @Override
  public PluginInfo info() {
    return PluginInfo.of("resnet18", "0.1.0", "ResNet-18", Blocks.REQUIRES)
        .withPaper("1512.03385",
        "Deep Residual Learning for Image Recognition");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return Blocks.IMAGE_PARAMETERS;
  }

  @Override
  public Network create(PluginContext context) {
    return ResNets.build("resnet18", List.of(2, 2, 2, 2), false, context.settings().getInt("r"),
        context.settings().getInt("classes"));
  }
}
