package dev.lathe.plugin.baselines.reproduce;

import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.testkit.tck.ReproductionContract;
import java.time.Duration;

class BaselinesReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new BaselinesReproductionProvider();
  }

  /** The quick checks take well under a second here; a minute leaves room for slow machines. */
  @Override
  protected Duration quickBudget() {
    return Duration.ofMinutes(1);
  }
}
