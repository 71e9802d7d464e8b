package dev.lathe.plugin.baselines.bayes;

import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import java.util.Arrays;
import java.util.List;

/**
 * The provider of the {@code gp-ei} optimizer: Bayesian optimisation with a Gaussian process
 * (Matérn 5/2, fitted hyper-parameters) and expected improvement. It searches every dimension
 * kind (the {@link OptimizerProvider#supportedKinds()} default) for one objective, with
 * constraints on metrics modelled by surrogates of their own.
 */
public final class GpEiProvider implements OptimizerProvider {

  private static final PluginInfo INFO = PluginInfo.of(GpEi.ID, "0.1.0",
      "Bayesian optimisation: Gaussian process (Matern 5/2) and expected improvement",
      "[0.1,1.0)");

  private static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.integer("initial_points", 0, "points of the initial design before the"
          + " surrogate takes over; 0 means 2 x (dimensions + 1)").range(0, 1_000_000),
      ParameterSpec.string("initial_design", "sobol", "the initial design: a randomly shifted"
          + " Sobol sequence or a Latin hypercube").choices("sobol", "lhs"),
      ParameterSpec.string("batch_strategy", "kriging-believer", "what the surrogate assumes"
          + " for candidates asked but not yet told: its own mean, or the lowest, mean or"
          + " highest observed loss").choices(Arrays.stream(GpEi.BatchStrategy.values())
              .map(GpEi.BatchStrategy::label).toArray(String[]::new)),
      ParameterSpec.integer("acquisition_samples", 1000, "points at which expected"
          + " improvement is scored per candidate").range(1, 1_000_000),
      ParameterSpec.integer("refine_starts", 5, "best scored points refined by local search"
          + " per candidate").range(0, 1000),
      ParameterSpec.integer("fit_starts", 2, "starts of each maximum-likelihood fit of the"
          + " hyper-parameters (default, previous fit, then random)").range(1, 100),
      ParameterSpec.real("xi", 0.0, "improvement margin of expected improvement, in standard"
          + " deviations of the observed losses").range(0, 10));

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
    Settings s = context.settings();
    int initialPoints = s.getInt("initial_points");
    if (initialPoints == 0) {
      initialPoints = 2 * (problem.space().dimensions().size() + 1);
    }
    GpEi.Config config = new GpEi.Config(initialPoints,
        InitialDesign.Kind.of(s.getString("initial_design")),
        GpEi.BatchStrategy.of(s.getString("batch_strategy")), s.getInt("acquisition_samples"),
        s.getInt("refine_starts"), s.getInt("fit_starts"), s.getDouble("xi"));
    return new GpEi(problem, config, context.seed(), context.logger());
  }
}
