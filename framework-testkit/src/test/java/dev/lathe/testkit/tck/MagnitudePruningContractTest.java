package dev.lathe.testkit.tck;

import dev.lathe.api.compress.Model;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.testkit.tck.MagnitudePruningProvider.WeightVector;

class MagnitudePruningContractTest extends CompressorContract {

  @Override
  protected CompressorProvider provider() {
    return new MagnitudePruningProvider();
  }

  @Override
  protected Model model() {
    return WeightVector.ramp(64);
  }
}
