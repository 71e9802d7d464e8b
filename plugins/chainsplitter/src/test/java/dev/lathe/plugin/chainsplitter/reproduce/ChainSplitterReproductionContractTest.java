package dev.lathe.plugin.chainsplitter.reproduce;

import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.testkit.tck.ReproductionContract;

/** The reproduction contract: every claim checked in quick mode, on the bundled real data. */
class ChainSplitterReproductionContractTest extends ReproductionContract {

  @Override
  protected ReproductionProvider provider() {
    return new ChainSplitterReproductionProvider();
  }
}
