package dev.lathe.plugin.gcnrl.providers;

import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.SearchSpaceContract;
import java.util.Map;

/** The search-space contract for {@code gcnrl-circuit} on the Miller op-amp. */
class CircuitSpaceContractTest extends SearchSpaceContract {

  @Override
  protected SearchSpaceProvider provider() {
    return new CircuitSpaceProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("circuit", "opamp2", "node", "berkeley-b");
  }
}
