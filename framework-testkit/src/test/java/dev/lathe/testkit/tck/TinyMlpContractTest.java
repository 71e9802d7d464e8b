package dev.lathe.testkit.tck;

import dev.lathe.api.spi.NetworkProvider;
import java.util.Map;

class TinyMlpContractTest extends NetworkContract {

  @Override
  protected NetworkProvider provider() {
    return new TinyMlpProvider();
  }

  @Override
  protected Map<String, String> invalidSettings() {
    return Map.of("width", "7");
  }
}
