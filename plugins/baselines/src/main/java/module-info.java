/**
 * Lathe's baselines: random search and the standard optimisation test problems (Branin,
 * Hartmann-6, ZDT1), with a reproduction that checks the problems against the literature.
 */
module dev.lathe.plugin.baselines {
  requires dev.lathe.api;
  requires commons.math3;

  provides dev.lathe.api.spi.OptimizerProvider with
      dev.lathe.plugin.baselines.random.RandomSearchProvider,
      dev.lathe.plugin.baselines.evolution.RegularizedEvolutionProvider,
      dev.lathe.plugin.baselines.evolution.OfaEvolutionProvider,
      dev.lathe.plugin.baselines.nsga2.Nsga2Provider,
      dev.lathe.plugin.baselines.grid.GridSearchProvider,
      dev.lathe.plugin.baselines.bayes.GpEiProvider,
      dev.lathe.plugin.baselines.cmaes.CmaEsProvider;
  provides dev.lathe.api.spi.SearchSpaceProvider with
      dev.lathe.plugin.baselines.problems.BraninSpaceProvider,
      dev.lathe.plugin.baselines.problems.Hartmann6SpaceProvider,
      dev.lathe.plugin.baselines.problems.Zdt1SpaceProvider;
  provides dev.lathe.api.spi.EvaluatorProvider with
      dev.lathe.plugin.baselines.problems.BraninEvaluatorProvider,
      dev.lathe.plugin.baselines.problems.Hartmann6EvaluatorProvider,
      dev.lathe.plugin.baselines.problems.Zdt1EvaluatorProvider;
  provides dev.lathe.api.spi.ReproductionProvider with
      dev.lathe.plugin.baselines.reproduce.BaselinesReproductionProvider;
}
