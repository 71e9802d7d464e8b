package dev.lathe.plugin.baselines.cmaes;

import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The provider of the {@code cmaes} optimizer: CMA-ES over real and log-real dimensions, one
 * objective. It declares only those two kinds, so the kernel refuses a space with integer or
 * categorical dimensions before anything runs, naming the dimension.
 */
public final class CmaEsProvider implements OptimizerProvider {

  private static final PluginInfo INFO = PluginInfo.of(CmaEs.ID, "0.1.0",
      "CMA-ES: covariance matrix adaptation evolution strategy", "[0.1,1.0)");

  private static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.real("sigma0", 0.3, "initial step size, as a fraction of each dimension's"
          + " range (the unit-cube encoding)").range(1e-6, 1),
      ParameterSpec.integer("population", 0, "candidates per generation (lambda); 0 means"
          + " 4 + floor(3 ln n) for n dimensions; at least 2 otherwise").range(0, 100_000),
      ParameterSpec.integer("restarts", 0, "restarts with doubled population (IPOP) when the"
          + " search has converged; 0 never restarts").range(0, 100));

  @Override
  public PluginInfo info() {
    return INFO;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public Set<Dimension.Kind> supportedKinds() {
    return EnumSet.of(Dimension.Kind.REAL, Dimension.Kind.LOG_REAL);
  }

  /**
   * A new strategy.
   *
   * @throws IllegalArgumentException if the population is 1, or the space has a dimension that
   *     is not real
   */
  @Override
  public Optimizer create(PluginContext context, Problem problem) {
    Settings s = context.settings();
    int population = s.getInt("population");
    if (population == 1) {
      throw new IllegalArgumentException("optimizer '" + CmaEs.ID + "': population 1 leaves"
          + " nothing to select; set 0 (automatic) or at least 2");
    }
    return new CmaEs(problem, new CmaEs.Config(s.getDouble("sigma0"), population,
        s.getInt("restarts")), context.seed(), context.logger());
  }
}
