package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Compressor;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import java.util.List;

/** Creates {@code prune}, automated gradual pruning to per-tensor targets from a sensitivity analysis. */
public final class PruneProvider implements CompressorProvider {

  static final String ID = "prune";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Automated gradual pruning to per-tensor sparsities from a"
        + " sensitivity analysis (MicroNet LM, arXiv:2005.07877)", "[0.1,1.0)")
        .withPaper(MicronetLmProvider.PAPER, MicronetLmProvider.PAPER_TITLE);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.real("sparsity", 0.5, "fraction of all weights to prune at least")
            .range(0, 0.9),
        ParameterSpec.integer("steps", 60, "fine-tuning updates").range(1, 10_000_000),
        ParameterSpec.integer("frequency", 2, "updates between pruning steps").range(1, 1_000_000),
        ParameterSpec.real("rate", 1e-3, "Adam's learning rate").range(1e-7, 1));
  }

  @Override
  public Compressor create(PluginContext context) {
    Settings s = context.settings();
    return new PruneCompressor(s.getDouble("sparsity"), s.getInt("steps"),
        s.getInt("frequency"), s.getDouble("rate"), context.seed(), context.logger());
  }
}
