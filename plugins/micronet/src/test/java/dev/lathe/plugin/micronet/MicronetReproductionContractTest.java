package dev.lathe.plugin.micronet;

import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.testkit.tck.ReproductionContract;
import java.time.Duration;
import java.util.Map;

/**
 * In quick mode on the shipped 256 + 128 image slice and the ten State of the Union addresses of
 * the 1790s.
 */
class MicronetReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new MicronetReproductionProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("lm_corpus_dir", PerplexityEvaluatorContractTest.sotu1790s().toString());
  }

  @Override
  protected Duration quickBudget() {
    return Duration.ofMinutes(3);
  }
}
