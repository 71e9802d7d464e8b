package dev.lathe.plugin.sparch.reproduce;

import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.testkit.tck.ReproductionContract;
import java.time.Duration;

/** In quick mode, the ladders of eight matrices: seconds. */
class SparchReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new SparchReproductionProvider();
  }

  @Override
  protected Duration quickBudget() {
    return Duration.ofMinutes(2);
  }
}
