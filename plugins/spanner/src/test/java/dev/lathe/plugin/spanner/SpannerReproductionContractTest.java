package dev.lathe.plugin.spanner;

import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.testkit.tck.ReproductionContract;
import java.time.Duration;
import java.util.Map;

class SpannerReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new SpannerReproductionProvider();
  }

  /** Graphs a tenth of the documented size: the contract, not the figures (SpannerIT). */
  @Override
  protected Map<String, String> settings() {
    return Map.of("scale", "0.1");
  }

  @Override
  protected Duration quickBudget() {
    return Duration.ofSeconds(30);
  }
}
