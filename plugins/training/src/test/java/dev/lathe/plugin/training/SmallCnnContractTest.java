package dev.lathe.plugin.training;

import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.testkit.tck.NetworkContract;
import java.util.Map;

class SmallCnnContractTest extends NetworkContract {

  @Override
  protected NetworkProvider provider() {
    return new SmallCnnProvider();
  }

  @Override
  protected Map<String, String> invalidSettings() {
    return Map.of("size", "5");
  }
}
