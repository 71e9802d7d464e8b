package dev.lathe.plugin.ofa.supernet;

import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.SearchSpaceContract;

class OfaMiniSpaceContractTest extends SearchSpaceContract {

  @Override
  protected SearchSpaceProvider provider() {
    return new OfaMiniSpaceProvider();
  }
}
