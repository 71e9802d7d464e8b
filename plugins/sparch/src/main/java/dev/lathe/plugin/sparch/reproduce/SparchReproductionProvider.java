package dev.lathe.plugin.sparch.reproduce;

import dev.lathe.api.data.DataDirectory;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ReproductionProvider;

/**
 * The provider of the reproduction {@code sparch}: SpArch's DRAM-traffic ablation on the shipped
 * SuiteSparse matrices and on generated ones from the context's seed; the full mode adds larger
 * generated matrices and {@code NotreDame_www} from {@code graphs/} in the data directory.
 */
public final class SparchReproductionProvider implements ReproductionProvider {

  /** The constructor ServiceLoader calls. */
  public SparchReproductionProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(SparchReproduction.ID, "0.1.0",
        "SpArch's DRAM-traffic ablation and its advantage over OuterSPACE", "[0.1,1.0)")
        .withPaper("2002.08947",
        "SpArch: Efficient Architecture for Sparse Matrix Multiplication");
  }

  @Override
  public Reproduction create(PluginContext context) {
    return new SparchReproduction(context.seed(), DataDirectory.resolve().resolve("graphs"),
        context.logger());
  }
}
