package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.model.Network;
import org.apiguardian.api.API;

/**
 * Creates a named network architecture, e.g. {@code resnet50}, from its declared parameters
 * (resolution, width, number of classes); found by ServiceLoader. {@code lathe cost} counts
 * what it creates.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface NetworkProvider extends PluginProvider {

  @Override
  default ExtensionPoint point() {
    return ExtensionPoint.NETWORK;
  }

  /**
   * The network that the settings of {@code context} describe.
   *
   * @throws IllegalArgumentException naming the setting, if the settings give no valid network
   */
  Network create(PluginContext context);
}
