/**
 * Lathe's model zoo: reference architectures described as {@link dev.lathe.api.model.Network}s
 * (MobileNetV2, MobileNetV3-Large as Once-for-All defines it, ResNet-18 and ResNet-50 with
 * ImageNet heads, the base Transformer), so that {@code lathe cost} and other plugins can count
 * them.
 */
module dev.lathe.plugin.zoo {
  requires dev.lathe.api;

  provides dev.lathe.api.spi.NetworkProvider with
      dev.lathe.plugin.zoo.MobileNetV2Provider,
      dev.lathe.plugin.zoo.MobileNetV3LargeProvider,
      dev.lathe.plugin.zoo.ResNet18Provider,
      dev.lathe.plugin.zoo.ResNet50Provider,
      dev.lathe.plugin.zoo.TransformerBaseProvider;
}
