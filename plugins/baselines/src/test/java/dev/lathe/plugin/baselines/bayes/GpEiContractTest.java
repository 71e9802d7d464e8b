package dev.lathe.plugin.baselines.bayes;

import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.testkit.tck.OptimizerContract;
import java.util.Map;

/**
 * The optimizer contract for {@code gp-ei} on the contract's space of every dimension kind,
 * with a short initial design so that most asks go through the surrogate.
 */
class GpEiContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new GpEiProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("initial_points", "3", "acquisition_samples", "200");
  }
}
