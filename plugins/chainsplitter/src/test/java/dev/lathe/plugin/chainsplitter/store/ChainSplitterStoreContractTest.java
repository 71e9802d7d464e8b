package dev.lathe.plugin.chainsplitter.store;

import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.testkit.tck.ResultStoreContract;
import java.util.Map;

/** The result-store contract, with blocks of three records so that every test seals and ships. */
class ChainSplitterStoreContractTest extends ResultStoreContract {

  @Override
  protected ResultStoreProvider provider() {
    return new ChainSplitterStoreProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("block_size", "3", "window", "2");
  }
}
