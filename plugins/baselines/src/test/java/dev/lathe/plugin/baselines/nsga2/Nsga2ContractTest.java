package dev.lathe.plugin.baselines.nsga2;

import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.testkit.tck.OptimizerContract;
import java.util.Map;

/** The contract, two objectives, with generations small enough to cross several. */
class Nsga2ContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new Nsga2Provider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("population", "6");
  }
}
