package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Model;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.testkit.tck.CompressorContract;
import java.util.Map;

/** {@code prune} on a tiny language model trained on State of the Union addresses. */
class PruneLmContractTest extends CompressorContract {

  @Override
  protected CompressorProvider provider() {
    return new PruneProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("steps", "4");
  }

  @Override
  protected Model model() {
    return TinyLmFixture.model();
  }
}
