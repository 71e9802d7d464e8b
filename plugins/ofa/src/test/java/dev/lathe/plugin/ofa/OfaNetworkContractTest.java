package dev.lathe.plugin.ofa;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.testkit.tck.PluginProviderContract;

class OfaNetworkContractTest extends PluginProviderContract<NetworkProvider> {

  @Override
  protected NetworkProvider provider() {
    return new OfaNetworkProvider();
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
