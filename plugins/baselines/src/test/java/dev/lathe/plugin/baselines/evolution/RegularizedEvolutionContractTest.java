package dev.lathe.plugin.baselines.evolution;

import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.testkit.tck.OptimizerContract;
import java.util.Map;

/** The contract with a population small enough that the rounds reach the evolving phase. */
class RegularizedEvolutionContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new RegularizedEvolutionProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("population", "6", "sample_size", "3", "real_mutation", "gaussian");
  }
}
