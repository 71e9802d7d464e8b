package dev.lathe.plugin.zoo;

import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.testkit.tck.NetworkContract;
import java.util.Map;

class TransformerBaseContractTest extends NetworkContract {

  @Override
  protected NetworkProvider provider() {
    return new TransformerBaseProvider();
  }

  @Override
  protected Map<String, String> invalidSettings() {
    return Map.of("vocabulary", "1");
  }
}
