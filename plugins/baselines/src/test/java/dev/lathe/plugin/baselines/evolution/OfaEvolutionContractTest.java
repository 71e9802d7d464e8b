package dev.lathe.plugin.baselines.evolution;

import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.testkit.tck.OptimizerContract;
import java.util.Map;

/** The contract with generations small enough that the rounds cross several of them. */
class OfaEvolutionContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new OfaEvolutionProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("population", "6", "parent_ratio", "0.5");
  }
}
