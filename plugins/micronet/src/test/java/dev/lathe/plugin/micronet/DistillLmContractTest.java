package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Model;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.testkit.tck.CompressorContract;
import java.util.Map;

/** {@code distill} on a tiny language model with a larger teacher language model. */
class DistillLmContractTest extends CompressorContract {

  @Override
  protected CompressorProvider provider() {
    return new DistillProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("steps", "4", "top_k", "5");
  }

  @Override
  protected Model model() {
    return TinyLmFixture.model().withTeacher(TinyLmFixture.teacher());
  }
}
