package dev.lathe.plugin.spanner;

import dev.lathe.api.data.DataDirectory;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ReproductionProvider;
import java.util.List;

/**
 * The provider of the reproduction {@code spanner}: generated graphs from the context's seed,
 * real graphs from {@code graphs} in Lathe's data directory when present.
 */
public final class SpannerReproductionProvider implements ReproductionProvider {

  private static final PluginInfo INFO = PluginInfo.of(SpannerReproduction.ID, "0.1.0",
      "Source-wise round-trip spanners: stretch, size, time and the crossover with the exact"
          + " baseline", "[0.1,1.0)")
      .withPaper(SpannerProvider.PAPER, SpannerProvider.PAPER_TITLE);

  @Override
  public PluginInfo info() {
    return INFO;
  }

  static final ParameterSpec SCALE = ParameterSpec.real("scale", 1,
      "multiplies every graph size of the plan (docs/reproductions/spanner.md)").range(0.01, 4);

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(SpannerProvider.CONFIDENCE, SCALE);
  }

  @Override
  public Reproduction create(PluginContext context) {
    return new SpannerReproduction(context.seed(),
        context.settings().getDouble(SpannerProvider.CONFIDENCE.name()),
        context.settings().getDouble(SCALE.name()), DataDirectory.resolve().resolve("graphs"),
        context.logger());
  }
}
