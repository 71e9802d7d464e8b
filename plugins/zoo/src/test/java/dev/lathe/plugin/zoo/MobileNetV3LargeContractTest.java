package dev.lathe.plugin.zoo;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.testkit.tck.PluginProviderContract;

class MobileNetV3LargeContractTest extends PluginProviderContract<NetworkProvider> {

  @Override
  protected NetworkProvider provider() {
    return new MobileNetV3LargeProvider();
  }

  @Override
  protected ExtensionPoint point() {
    return ExtensionPoint.NETWORK;
  }

  @Override
  protected String instanceId() {
    return provider().create(context()).name();
  }
}
