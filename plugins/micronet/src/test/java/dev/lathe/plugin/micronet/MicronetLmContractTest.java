package dev.lathe.plugin.micronet;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.testkit.tck.PluginProviderContract;

class MicronetLmContractTest extends PluginProviderContract<NetworkProvider> {

  @Override
  protected NetworkProvider provider() {
    return new MicronetLmProvider();
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
