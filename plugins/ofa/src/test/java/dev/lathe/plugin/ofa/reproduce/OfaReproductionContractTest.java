package dev.lathe.plugin.ofa.reproduce;

import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.testkit.tck.ReproductionContract;
import java.time.Duration;

/**
 * In quick mode: the arithmetic claims, three subnets at 128 px timed on this machine, and the
 * training claims on the Fashion-MNIST slice (12 steps per supernet).
 */
class OfaReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new OfaReproductionProvider();
  }

  @Override
  protected Duration quickBudget() {
    return Duration.ofMinutes(5);
  }
}
