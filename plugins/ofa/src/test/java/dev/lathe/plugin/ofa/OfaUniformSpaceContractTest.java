package dev.lathe.plugin.ofa;

import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.SearchSpaceContract;
import java.util.Map;

class OfaUniformSpaceContractTest extends SearchSpaceContract {

  @Override
  protected SearchSpaceProvider provider() {
    return new OfaSpaceProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("granularity", "uniform", "encoding", "continuous", "resolutions",
        "128,176,224");
  }
}
