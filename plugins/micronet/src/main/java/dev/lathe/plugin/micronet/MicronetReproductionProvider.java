package dev.lathe.plugin.micronet;

import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ReproductionProvider;
import java.nio.file.Path;
import java.util.List;

/**
 * The provider of the reproduction {@code micronet}: the MicroNet score's anchors and the
 * compression pipeline on Fashion-MNIST ({@code lathe data fetch fashion-mnist} first), and the
 * language model's cache and Hebbian softmax on State of the Union text ({@code lathe data fetch
 * sotu}).
 */
public final class MicronetReproductionProvider implements ReproductionProvider {

  @Override
  public PluginInfo info() {
    return PluginInfo.of(MicronetReproduction.ID, "0.1.0", "MicroNet LM (arXiv:2005.07877):"
        + " the challenge score term by term, the distil-prune-quantise pipeline, and the"
        + " language model's cache, Hebbian softmax and compression",
        "[0.1,1.0)")
        .withPaper(MicronetLmProvider.PAPER, MicronetLmProvider.PAPER_TITLE);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.string("lm_corpus_dir", "", "folder of State of the Union"
        + " addresses for the language-model claims; empty: the data directory's sotu"));
  }

  @Override
  public Reproduction create(PluginContext context) {
    String folder = context.settings().getString("lm_corpus_dir");
    return new MicronetReproduction(context.seed(), context.logger(),
        folder.isBlank() ? null : Path.of(folder));
  }
}
