package dev.lathe.plugin.baselines.nsga2;

import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import dev.lathe.plugin.baselines.population.Variation;
import java.util.List;

/**
 * The provider of the {@code nsga2} optimizer, with the operator settings of Deb et al. (2002):
 * crossover probability 0.9, distribution indices 20, one mutated dimension per offspring on
 * average. It searches every dimension kind and any number of objectives.
 */
public final class Nsga2Provider implements OptimizerProvider {

  private static final PluginInfo INFO =
      PluginInfo.of(Nsga2.ID, "0.1.0", "NSGA-II multi-objective evolution", "[0.1,1.0)");

  private static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.integer("population", 100,
          "offspring per generation and parents kept; generation 0 is random").range(2, 1e6),
      ParameterSpec.real("crossover_probability", 0.9,
          "probability that two parents are crossed (else the first is copied)").range(0, 1),
      ParameterSpec.real("crossover_eta", 20,
          "distribution index of simulated binary crossover (larger: children nearer parents)")
          .range(0, 1000),
      ParameterSpec.real("mutation_eta", 20,
          "distribution index of polynomial mutation (larger: smaller steps)").range(0, 1000),
      ParameterSpec.real("mutated_dimensions", 1,
          "expected number of dimensions mutated per offspring (probability this / d each)")
          .range(0, 1e6),
      ParameterSpec.integer(Variation.MAX_TRIES, 1000,
          "offspring bred per trial before the space's constraint is declared infeasible")
          .range(1, 1e9));

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
    return new Nsga2(problem, settings.getInt("population"),
        settings.getDouble("crossover_probability"), settings.getDouble("crossover_eta"),
        settings.getDouble("mutation_eta"), settings.getDouble("mutated_dimensions"),
        // Variation draws generation 0, checks the space and redraws categorical values;
        // numeric dimensions mutate polynomially, so its real-step settings play no part.
        new Variation(Nsga2.ID, problem.space(), Variation.RealStep.REDRAW, 0.1,
            settings.getInt(Variation.MAX_TRIES)),
        context.seed(), context.logger());
  }
}
