package dev.lathe.plugin.training;

import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ReproductionProvider;

/**
 * The provider of the reproduction {@code training}: the small CNN trained on Fashion-MNIST
 * from the context's seed ({@code lathe data fetch fashion-mnist} first).
 */
public final class TrainingReproductionProvider implements ReproductionProvider {

  @Override
  public PluginInfo info() {
    return PluginInfo.of(TrainingReproduction.ID, "0.1.0",
        "Small CNN trained on Fashion-MNIST through the SameDiff bridge and training loop",
        "[0.1,1.0)");
  }

  @Override
  public Reproduction create(PluginContext context) {
    return new TrainingReproduction(context.seed(), context.logger());
  }
}
