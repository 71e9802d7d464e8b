package dev.lathe.testkit.tck;

import dev.lathe.api.spi.SearchSpaceProvider;
import java.util.Map;

class MixedSpaceContractTest extends SearchSpaceContract {

  @Override
  protected SearchSpaceProvider provider() {
    return new MixedSpaceProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("max_tanh_width", "16");
  }
}
