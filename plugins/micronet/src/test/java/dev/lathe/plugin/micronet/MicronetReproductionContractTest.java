package dev.lathe.plugin.micronet;

import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.testkit.tck.ReproductionContract;
import java.time.Duration;

/** In quick mode on the shipped 256 + 128 image slice. */
class MicronetReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new MicronetReproductionProvider();
  }

  @Override
  protected Duration quickBudget() {
    return Duration.ofMinutes(3);
  }
}
