package dev.lathe.plugin.spanner;

import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.testkit.tck.ReproductionContract;
import java.time.Duration;

class SpannerReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new SpannerReproductionProvider();
  }

  /** The quick mode is documented as under three minutes on two shared cores. */
  @Override
  protected Duration quickBudget() {
    return Duration.ofMinutes(3);
  }
}
