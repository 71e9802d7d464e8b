package dev.lathe.plugin.training;

import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.testkit.tck.ReproductionContract;
import java.time.Duration;

/** In quick mode on the shipped slice, a few seconds. */
class TrainingReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new TrainingReproductionProvider();
  }

  @Override
  protected Duration quickBudget() {
    return Duration.ofMinutes(1);
  }
}
