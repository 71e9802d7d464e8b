package dev.lathe.plugin.ofa.reproduce;

import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.testkit.tck.ReproductionContract;
import java.time.Duration;

/** In quick mode: the arithmetic claims and three subnets at 128 px timed on this machine. */
class OfaReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new OfaReproductionProvider();
  }

  @Override
  protected Duration quickBudget() {
    return Duration.ofMinutes(3);
  }
}
