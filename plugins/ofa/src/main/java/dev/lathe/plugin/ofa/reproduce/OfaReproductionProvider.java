package dev.lathe.plugin.ofa.reproduce;

import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.plugin.ofa.Ofa;

/** The provider of the reproduction {@code ofa}. */
public final class OfaReproductionProvider implements ReproductionProvider {

  @Override
  public PluginInfo info() {
    return Ofa.info();
  }

  @Override
  public Reproduction create(PluginContext context) {
    return new OfaReproduction(context.seed(), context.workDirectory(), context.logger());
  }
}
