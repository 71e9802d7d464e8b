package dev.lathe.plugin.baselines.grid;

import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import java.util.List;

/**
 * The provider of the {@code grid} optimizer. It searches every dimension kind and any number of
 * objectives, since it never compares outcomes, and refuses a space whose grid has more than
 * {@code max_size} points.
 */
public final class GridSearchProvider implements OptimizerProvider {

  private static final PluginInfo INFO =
      PluginInfo.of(GridSearch.ID, "0.1.0", "Grid search", "[0.1,1.0)");

  private static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.integer("points", 10,
          "levels per real dimension, evenly spaced from its lower to its upper bound")
          .range(1, 1e6),
      ParameterSpec.integer("max_size", 100_000,
          "largest number of grid points accepted; a larger grid is refused").range(1, 1e15));

  @Override
  public PluginInfo info() {
    return INFO;
  }

  @Override
  public boolean multiObjective() {
    return true;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public Optimizer create(PluginContext context, Problem problem) {
    Settings settings = context.settings();
    return new GridSearch(problem.space(),
        new Grid(GridSearch.ID, problem.space(), settings.getInt("points"),
            settings.getLong("max_size")),
        context.logger());
  }
}
