package dev.lathe.plugin.baselines.cmaes;

import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.testkit.tck.OptimizerContract;

/** The optimizer contract for {@code cmaes} on the contract's real and log-real dimensions. */
class CmaEsContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new CmaEsProvider();
  }
}
