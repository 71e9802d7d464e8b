package dev.lathe.testkit.tck;

import dev.lathe.api.spi.OptimizerProvider;

class CounterRandomSearchContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new CounterRandomSearchProvider();
  }
}
