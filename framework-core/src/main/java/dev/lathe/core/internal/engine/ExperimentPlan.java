package dev.lathe.core.internal.engine;

import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ExecutorProvider;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.store.ResultStore;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.cluster.ClusterExecutorProvider;
import dev.lathe.core.internal.cluster.ClusterSession;
import dev.lathe.core.internal.cluster.TrialRecipe;
import dev.lathe.core.internal.config.Component;
import dev.lathe.core.internal.config.ExperimentConfig;
import dev.lathe.core.internal.store.JsonRecordCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The plugin instances of one experiment, created from its configuration and checked to fit
 * together before any trial runs: every metric that an objective or constraint names is
 * produced by an evaluator or accelerator, and the optimizer handles the space's dimension
 * kinds and the number of objectives. It also holds the run's event log, which a cluster
 * executor writes to as well.
 */
final class ExperimentPlan implements AutoCloseable {

  final ExperimentConfig config;
  final SearchSpace space;
  final List<Compressor> compressors = new ArrayList<>();
  final List<Evaluator> evaluators = new ArrayList<>();
  final List<Accelerator> accelerators = new ArrayList<>();
  final Problem problem;
  final Optimizer optimizer;
  final EventLog events;
  final ResultStore store;
  final TrialExecutor executor;

  /**
   * Creates every plugin of {@code config}.
   *
   * @param folder the results folder, or null to keep nothing on disk
   * @param scratch where plugins without a results folder may write
   * @param beforeStore runs once the composition is checked, before the event log and the
   *     store open
   */
  ExperimentPlan(ExperimentConfig config, Path folder, Path scratch, Runnable beforeStore) {
    this.config = config;
    Path base = folder != null ? folder : scratch;
    this.space = create(config.space(), () ->
        ((SearchSpaceProvider) config.space().entry().provider()).create(context(config.space(), base)));
    for (Component c : config.compressors()) {
      compressors.add(create(c, () ->
          ((CompressorProvider) c.entry().provider()).create(context(c, base))));
    }
    for (Component c : config.evaluators()) {
      evaluators.add(create(c, () ->
          ((EvaluatorProvider) c.entry().provider()).create(context(c, base))));
    }
    for (Component c : config.accelerators()) {
      accelerators.add(create(c, () ->
          ((AcceleratorProvider) c.entry().provider()).create(context(c, base))));
    }
    this.problem = new Problem(space, config.objectives(), config.constraints());
    checkMetrics();
    checkOptimizer();
    Component o = config.optimizer();
    this.optimizer = create(o, () ->
        ((OptimizerProvider) o.entry().provider()).create(context(o, base), problem));
    beforeStore.run();
    try {
      this.events = EventLog.open(folder);
    } catch (IOException e) {
      throw new LatheException(LatheException.Kind.IO, "experiment '" + config.name()
          + "': cannot open " + EventLog.FILE_NAME + ": " + e.getMessage(), e);
    }
    Component s = config.store();
    try {
      this.store = create(s, () -> {
        try {
          return ((ResultStoreProvider) s.entry().provider())
              .open(storeContext(s, base), new JsonRecordCodec());
        } catch (IOException e) {
          throw new LatheException(LatheException.Kind.IO,
              "store '" + s.plugin() + "' cannot open " + base + ": " + e.getMessage(), e);
        }
      });
    } catch (RuntimeException e) {
      closeQuietly(events::close, e);
      throw e;
    }
    Component x = config.executor();
    EvaluationChain chain = new EvaluationChain(space, compressors, evaluators, accelerators);
    try {
      this.executor = create(x, () -> {
        ExecutorProvider provider = (ExecutorProvider) x.entry().provider();
        if (provider instanceof ClusterExecutorProvider cluster) {
          TrialRecipe recipe = RecipeTrials.recipe(config);
          return cluster.create(context(x, base), new ClusterSession(recipe,
              RecipeTrials.serving(recipe, chain), events::write));
        }
        return provider.create(context(x, base), chain);
      });
    } catch (RuntimeException e) {
      closeQuietly(store::close, e);
      closeQuietly(events::close, e);
      throw e;
    }
  }

  /** Something that closes with at most an {@link IOException}. */
  private interface Closing {
    void close() throws IOException;
  }

  private static void closeQuietly(Closing c, RuntimeException failure) {
    try {
      c.close();
    } catch (IOException closing) {
      failure.addSuppressed(closing);
    }
  }

  /** The seed of the component in {@code role}. */
  static long seedOf(ExperimentConfig config, String role) {
    return Seeds.split(config.seed(), role);
  }

  private PluginContext context(Component c, Path base) {
    return new DefaultPluginContext(c.plugin(), c.settings(), seedOf(config, c.role()),
        base.resolve("plugins").resolve(c.role().replaceAll("[^A-Za-z0-9_-]", "")),
        DefaultPluginContext.defaultCacheDirectory());
  }

  private PluginContext storeContext(Component c, Path base) {
    return new DefaultPluginContext(c.plugin(), c.settings(), seedOf(config, c.role()), base,
        DefaultPluginContext.defaultCacheDirectory());
  }

  private <T> T create(Component c, Supplier<T> factory) {
    try {
      T instance = factory.get();
      if (instance == null) {
        throw new LatheException(LatheException.Kind.PLUGIN, "plugin '" + c.plugin() + "' ("
            + c.role() + ", from " + c.entry().location() + ") created nothing");
      }
      return instance;
    } catch (LatheException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new LatheException(LatheException.Kind.PLUGIN, "plugin '" + c.plugin() + "' ("
          + c.role() + ", from " + c.entry().location() + ") failed to start: "
          + Failures.describe(e), e);
    }
  }

  private void checkMetrics() {
    Set<String> produced = new LinkedHashSet<>();
    compressors.forEach(c -> c.produces().forEach(
        name -> produced.add(Compressor.chainedName(c.id(), name))));
    evaluators.forEach(e -> produced.addAll(e.produces()));
    accelerators.forEach(a -> produced.addAll(a.produces()));
    for (Objective o : config.objectives()) {
      if (!produced.contains(o.metric())) {
        throw composition("objectives", "metric '" + o.metric()
            + "' is produced by no compressor, evaluator or accelerator; they produce " + produced);
      }
    }
    for (Constraint c : config.constraints()) {
      if (!produced.contains(c.metric())) {
        throw composition("constraints", "metric '" + c.metric()
            + "' is produced by no compressor, evaluator or accelerator; they produce " + produced);
      }
    }
  }

  private void checkOptimizer() {
    OptimizerProvider provider = (OptimizerProvider) config.optimizer().entry().provider();
    for (Dimension d : space.dimensions()) {
      if (!provider.supportedKinds().contains(d.kind())) {
        throw composition("optimizer", "optimizer '" + config.optimizer().plugin()
            + "' does not support " + d.kind() + " dimensions, but space '" + space.id()
            + "' has one ('" + d.name() + "'); it supports " + provider.supportedKinds());
      }
    }
    if (problem.multiObjective() && !provider.multiObjective()) {
      throw composition("optimizer", "optimizer '" + config.optimizer().plugin()
          + "' handles one objective, but " + config.objectives().size() + " are given");
    }
  }

  private LatheException composition(String key, String message) {
    String file = "experiment '" + config.name() + "'";
    if (config.source() != null) {
      Path cwd = Path.of("").toAbsolutePath();
      Path source = config.source().toAbsolutePath();
      file = (source.startsWith(cwd) ? cwd.relativize(source) : source).toString();
    }
    return LatheException.config(file, key + ": " + message);
  }

  @Override
  public void close() throws IOException {
    try {
      executor.close();
    } finally {
      try {
        store.close();
      } finally {
        events.close();
      }
    }
  }
}
