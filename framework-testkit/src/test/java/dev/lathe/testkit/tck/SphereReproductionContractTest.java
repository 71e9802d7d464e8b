package dev.lathe.testkit.tck;

import dev.lathe.api.spi.ReproductionProvider;

class SphereReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new SphereReproductionProvider();
  }
}
