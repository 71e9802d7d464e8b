package dev.lathe.plugin.micronet;

import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ReproductionProvider;

/**
 * The provider of the reproduction {@code micronet}: the MicroNet score's anchors and the
 * compression pipeline on Fashion-MNIST ({@code lathe data fetch fashion-mnist} first).
 */
public final class MicronetReproductionProvider implements ReproductionProvider {

  @Override
  public PluginInfo info() {
    return PluginInfo.of(MicronetReproduction.ID, "0.1.0", "MicroNet LM (arXiv:2005.07877):"
        + " the challenge score term by term and the distil-prune-quantise pipeline",
        "[0.1,1.0)")
        .withPaper(MicronetLmProvider.PAPER, MicronetLmProvider.PAPER_TITLE);
  }

  @Override
  public Reproduction create(PluginContext context) {
    return new MicronetReproduction(context.seed(), context.logger());
  }
}
