package dev.lathe.plugin.zoo;

import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.testkit.tck.NetworkContract;
import java.util.Map;

class ResNet18ContractTest extends NetworkContract {

  @Override
  protected NetworkProvider provider() {
    return new ResNet18Provider();
  }

  @Override
  protected Map<String, String> invalidSettings() {
    return Map.of("classes", "0");
  }
}
