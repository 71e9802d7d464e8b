package dev.lathe.testkit.tck;

import dev.lathe.api.spi.ResultStoreProvider;

class ListResultStoreContractTest extends ResultStoreContract {

  @Override
  protected ResultStoreProvider provider() {
    return new ListResultStoreProvider();
  }
}
