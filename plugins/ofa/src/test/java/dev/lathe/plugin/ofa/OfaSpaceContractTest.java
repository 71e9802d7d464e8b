package dev.lathe.plugin.ofa;

import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.SearchSpaceContract;

class OfaSpaceContractTest extends SearchSpaceContract {

  @Override
  protected SearchSpaceProvider provider() {
    return new OfaSpaceProvider();
  }
}
