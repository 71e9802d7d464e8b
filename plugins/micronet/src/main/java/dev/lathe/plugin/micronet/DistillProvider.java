package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Compressor;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import java.util.List;

/** Creates {@code distill}, training on a teacher's top-k soft labels mixed with the true labels. */
public final class DistillProvider implements CompressorProvider {

  static final String ID = "distill";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Distillation from a teacher's top-k soft labels with an"
        + " annealed NLL mix (MicroNet LM, arXiv:2005.07877)", "[0.1,1.0)")
        .withPaper(MicronetLmProvider.PAPER, MicronetLmProvider.PAPER_TITLE);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("top_k", 30, "teacher classes (next words) kept per example (position)").range(1, 1 << 30),
        ParameterSpec.real("mix_start", 0.5, "weight of the true label's NLL at the first update")
            .range(0, 1),
        ParameterSpec.real("mix_end", 0.95, "weight of the true label's NLL at the last update")
            .range(0, 1),
        ParameterSpec.integer("steps", 60, "training updates").range(1, 10_000_000),
        ParameterSpec.real("rate", 1e-3, "Adam's learning rate").range(1e-8, 1));
  }

  @Override
  public Compressor create(PluginContext context) {
    Settings s = context.settings();
    return new DistillCompressor(s.getInt("top_k"), s.getDouble("mix_start"),
        s.getDouble("mix_end"), s.getInt("steps"), s.getDouble("rate"), context.seed(),
        context.logger());
  }
}
