package dev.lathe.plugin.baselines.random;

import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.testkit.tck.OptimizerContract;

class RandomSearchContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new RandomSearchProvider();
  }
}
