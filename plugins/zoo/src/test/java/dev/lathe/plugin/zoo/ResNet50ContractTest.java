package dev.lathe.plugin.zoo;

import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.testkit.tck.NetworkContract;
import java.util.Map;

class ResNet50ContractTest extends NetworkContract {

  @Override
  protected NetworkProvider provider() {
    return new ResNet50Provider();
  }

  @Override
  protected Map<String, String> invalidSettings() {
    return Map.of("classes", "0");
  }
}
