package dev.lathe.plugin.baselines.grid;

import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.testkit.tck.OptimizerContract;
import java.util.Map;

/** The contract, on a grid small enough (4 × 21 × 3 × 3) that the rounds cover it twice. */
class GridSearchContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new GridSearchProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("points", "3");
  }
}
