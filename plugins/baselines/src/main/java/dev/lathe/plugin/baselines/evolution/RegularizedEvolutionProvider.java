package dev.lathe.plugin.baselines.evolution;

import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import dev.lathe.plugin.baselines.population.Variation;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider of the {@code evolution} optimizer, regularised (aging) evolution. It searches
 * every dimension kind and one objective; the problem's constraints rank candidates feasibility
 * first.
 */
public final class RegularizedEvolutionProvider implements OptimizerProvider {

  private static final PluginInfo INFO = PluginInfo.of(RegularizedEvolution.ID, "0.1.0",
      "Regularised (aging) evolution", "[0.1,1.0)").withPaper("1802.01548",
        "Regularized Evolution for Image Classifier Architecture Search");

  private static final List<ParameterSpec> PARAMETERS;

  static {
    List<ParameterSpec> parameters = new ArrayList<>(List.of(
        ParameterSpec.integer("population", 100,
            "members that survive; the first this many trials are random").range(1, 1e6),
        ParameterSpec.integer("sample_size", 25,
            "members drawn (with replacement) per tournament; at most population").range(1, 1e6)));
    parameters.addAll(Variation.parameters());
    PARAMETERS = List.copyOf(parameters);
  }

  @Override
  public PluginInfo info() {
    return INFO;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public Optimizer create(PluginContext context, Problem problem) {
    Settings settings = context.settings();
    return new RegularizedEvolution(problem, settings.getInt("population"),
        settings.getInt("sample_size"),
        Variation.from(RegularizedEvolution.ID, problem.space(), settings), context.seed(),
        context.logger());
  }
}
