package dev.lathe.plugin.zoo;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.testkit.tck.PluginProviderContract;

class ResNet50ContractTest extends PluginProviderContract<NetworkProvider> {

  @Override
  protected NetworkProvider provider() {
    return new ResNet50Provider();
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
