package dev.lathe.plugin.ofa;

import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.SearchSpaceContract;
import java.util.Map;

class OfaContinuousSpaceContractTest extends SearchSpaceContract {

  @Override
  protected SearchSpaceProvider provider() {
    return new OfaSpaceProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("encoding", "continuous", "max_macs", "300000000");
  }
}
