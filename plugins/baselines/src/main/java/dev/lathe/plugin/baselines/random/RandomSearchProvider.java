package dev.lathe.plugin.baselines.random;

import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;

/**
 * The provider of the {@code random} optimizer. It has no parameters, searches every dimension
 * kind (the {@link OptimizerProvider#supportedKinds()} default) and any number of objectives,
 * since random search never compares outcomes.
 */
public final class RandomSearchProvider implements OptimizerProvider {

  private static final PluginInfo INFO =
      PluginInfo.of(RandomSearch.ID, "0.1.0", "Random search", "[0.1,1.0)");

  @Override
  public PluginInfo info() {
    return INFO;
  }

  @Override
  public boolean multiObjective() {
    return true;
  }

  @Override
  public Optimizer create(PluginContext context, Problem problem) {
    return new RandomSearch(problem.space(), context.seed(), context.logger());
  }
}
