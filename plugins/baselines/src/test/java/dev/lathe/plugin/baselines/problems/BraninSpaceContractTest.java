package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.SearchSpaceContract;

class BraninSpaceContractTest extends SearchSpaceContract {

  @Override
  protected SearchSpaceProvider provider() {
    return new BraninSpaceProvider();
  }
}
