package dev.lathe.plugin.baselines.reproduce;

import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.plugin.baselines.problems.Zdt1;
import java.util.List;

/**
 * The provider of the {@code baselines} reproduction. Its one parameter, {@code dimensions}, is
 * the number of ZDT1 variables the Pareto-front claims use; random draws come from the
 * context's seed.
 */
public final class BaselinesReproductionProvider implements ReproductionProvider {

  private static final PluginInfo INFO = PluginInfo.of(BaselinesReproduction.ID, "0.1.0",
      "Test problems (Branin, Hartmann-6, ZDT1) against the literature", "[0.1,1.0)");

  @Override
  public PluginInfo info() {
    return INFO;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(Zdt1.DIMENSIONS);
  }

  @Override
  public Reproduction create(PluginContext context) {
    return new BaselinesReproduction(Zdt1.from(context.settings()), context.seed());
  }
}
