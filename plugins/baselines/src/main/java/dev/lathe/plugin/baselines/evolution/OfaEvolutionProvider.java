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
 * The provider of the {@code ofa-evolution} optimizer, Once-for-All's evolutionary search with
 * the official code's defaults. It searches every dimension kind and one objective; the
 * problem's constraints rank candidates feasibility first.
 */
public final class OfaEvolutionProvider implements OptimizerProvider {

  private static final PluginInfo INFO = PluginInfo.of(OfaEvolution.ID, "0.1.0",
      "Once-for-All evolutionary search", "[0.1,1.0)").withPaper("1908.09791",
        "Once-for-All: Train One Network and Specialize it for Efficient Deployment");

  private static final List<ParameterSpec> PARAMETERS;

  static {
    List<ParameterSpec> parameters = new ArrayList<>(List.of(
        ParameterSpec.integer("population", 100,
            "children per generation; generation 0 is this many random candidates")
            .range(1, 1e6),
        ParameterSpec.real("parent_ratio", 0.25,
            "share of the population kept as parents (best of parents and children)")
            .range(0, 1),
        ParameterSpec.real("mutation_ratio", 0.5,
            "share of each generation made by mutation; the rest by uniform crossover")
            .range(0, 1),
        ParameterSpec.real("mutate_probability", 0.1,
            "probability that a mutation changes each dimension (at least one changes)")
            .range(0, 1)));
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
    return new OfaEvolution(problem, settings.getInt("population"),
        settings.getDouble("parent_ratio"), settings.getDouble("mutation_ratio"),
        settings.getDouble("mutate_probability"),
        Variation.from(OfaEvolution.ID, problem.space(), settings), context.seed(),
        context.logger());
  }
}
