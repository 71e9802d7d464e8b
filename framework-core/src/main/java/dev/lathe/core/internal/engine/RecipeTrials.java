package dev.lathe.core.internal.engine;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import dev.lathe.core.internal.cluster.RecipeComponent;
import dev.lathe.core.internal.cluster.TrialRecipe;
import dev.lathe.core.internal.cluster.TrialRefusedException;
import dev.lathe.core.internal.cluster.TrialService;
import dev.lathe.core.internal.config.ExperimentFiles;
import dev.lathe.core.internal.config.SettingsView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link TrialService}: rebuilds an experiment's evaluator chain from its recipe (once per
 * recipe; the last {@value #KEPT} are kept) and runs attempts on a thread pool of this JVM, with
 * the timeouts and failure reasons of the {@code local} executor. Concurrency is bounded by the
 * caller (a cluster executor gives each worker only as many attempts as it has slots).
 * Outcomes name the thread as the {@code local} executor does; the cluster executor adds the
 * member.
 */
public final class RecipeTrials implements TrialService {

  private static final int KEPT = 4;
  private static final int MAX_THREADS = 4096;

  private final Set<String> capabilities;
  private final Function<TrialRecipe, TrialRunner> chains;
  private final Map<String, LocalExecutor> executors = new LinkedHashMap<>(8, 0.75f, true);
  private final Map<String, String> refusals = new LinkedHashMap<>();

  private RecipeTrials(Set<String> capabilities, Function<TrialRecipe, TrialRunner> chains) {
    this.capabilities = Set.copyOf(capabilities);
    this.chains = chains;
  }

  /** The service of a worker: any recipe whose plugins {@code catalog} holds in the same versions. */
  public static RecipeTrials fromCatalog(PluginCatalog catalog) {
    Set<String> capabilities = new LinkedHashSet<>();
    for (CatalogEntry e : catalog.entries()) {
      capabilities.add(RecipeComponent.capability(e.point(), e.id(),
          e.info().version().toString()));
    }
    return new RecipeTrials(capabilities, recipe -> build(catalog, recipe));
  }

  /** The service of a driver that runs its own run's trials: {@code recipe} only, with {@code chain}. */
  static RecipeTrials serving(TrialRecipe recipe, TrialRunner chain) {
    Set<String> capabilities = new LinkedHashSet<>();
    recipe.components().forEach(c -> capabilities.add(c.capability()));
    return new RecipeTrials(capabilities, r -> {
      if (!r.equals(recipe)) {
        throw new IllegalArgumentException("this driver runs experiment '" + recipe.experiment()
            + "' only, not '" + r.experiment() + "'");
      }
      return chain;
    });
  }

  @Override
  public Set<String> capabilities() {
    return capabilities;
  }

  @Override
  public CompletableFuture<TrialOutcome> run(TrialRecipe recipe, TrialTask task)
      throws TrialRefusedException {
    return executor(recipe).submit(task);
  }

  private synchronized LocalExecutor executor(TrialRecipe recipe) throws TrialRefusedException {
    String key = new String(recipe.toJson(), java.nio.charset.StandardCharsets.UTF_8);
    LocalExecutor executor = executors.get(key);
    if (executor != null) {
      return executor;
    }
    String refused = refusals.get(key);
    if (refused != null) {
      throw new TrialRefusedException(refused);
    }
    String missing = recipe.missingFrom(capabilities).orElse(null);
    if (missing != null) {
      remember(key, missing);
      throw new TrialRefusedException(missing);
    }
    TrialRunner chain;
    try {
      chain = chains.apply(recipe);
    } catch (RuntimeException | LinkageError e) {
      String reason = "cannot build the evaluators of '" + recipe.experiment() + "': "
          + Failures.describe(e);
      remember(key, reason);
      throw new TrialRefusedException(reason);
    }
    executor = new LocalExecutor(chain, MAX_THREADS);
    executors.put(key, executor);
    if (executors.size() > KEPT) {
      var eldest = executors.entrySet().iterator();
      eldest.next().getValue().close();
      eldest.remove();
    }
    return executor;
  }

  private void remember(String key, String reason) {
    refusals.put(key, reason);
    if (refusals.size() > KEPT) {
      refusals.remove(refusals.keySet().iterator().next());
    }
  }

  /** The space, evaluators and accelerators of {@code recipe}, created from {@code catalog}. */
  private static TrialRunner build(PluginCatalog catalog, TrialRecipe recipe) {
    Path base = Path.of(recipe.baseDirectory());
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "lathe-worker",
        recipe.experiment().replaceAll("[^A-Za-z0-9_.-]", "_"));
    SearchSpace space = null;
    List<Evaluator> evaluators = new ArrayList<>();
    List<Accelerator> accelerators = new ArrayList<>();
    for (RecipeComponent c : recipe.components()) {
      CatalogEntry entry = catalog.find(c.point(), c.plugin()).orElseThrow();
      PluginProvider provider = entry.provider();
      SettingsView checked;
      try {
        checked = ExperimentFiles.settings(c.plugin(), provider.parameters(), "component",
            c.settings(), base);
      } catch (LatheException e) {
        throw new IllegalArgumentException(c.role() + ": " + e.getMessage(), e);
      }
      SettingsView settings = new SettingsView(c.plugin(), c.role(), provider.parameters(),
          checked.asMap(), base);
      DefaultPluginContext context = new DefaultPluginContext(c.plugin(), settings,
          Seeds.split(recipe.seed(), c.role()),
          work.resolve("plugins").resolve(c.role().replaceAll("[^A-Za-z0-9_-]", "")),
          DefaultPluginContext.defaultCacheDirectory());
      if (c.point() == ExtensionPoint.SEARCH_SPACE) {
        space = ((SearchSpaceProvider) provider).create(context);
      } else if (c.point() == ExtensionPoint.EVALUATOR) {
        evaluators.add(((EvaluatorProvider) provider).create(context));
      } else if (c.point() == ExtensionPoint.ACCELERATOR) {
        accelerators.add(((AcceleratorProvider) provider).create(context));
      } else {
        throw new IllegalArgumentException(c.role() + ": a " + c.point().label()
            + " has no place in a trial recipe");
      }
    }
    if (space == null) {
      throw new IllegalArgumentException("the recipe names no search space");
    }
    return new EvaluationChain(space, evaluators, accelerators);
  }

  /**
   * The recipe of {@code config}'s evaluator chain; relative paths resolve against the folder
   * of its file, or the working folder when it has none.
   */
  static TrialRecipe recipe(dev.lathe.core.internal.config.ExperimentConfig config) {
    List<RecipeComponent> components = new ArrayList<>();
    Path base = config.source() != null
        ? config.source().toAbsolutePath().getParent() : Path.of("");
    components.add(component(config.space()));
    config.evaluators().forEach(c -> components.add(component(c)));
    config.accelerators().forEach(c -> components.add(component(c)));
    return new TrialRecipe(config.name(), config.seed(),
        base.toAbsolutePath().normalize().toString(), components);
  }

  private static RecipeComponent component(dev.lathe.core.internal.config.Component c) {
    return new RecipeComponent(c.role(), c.entry().point(), c.plugin(),
        c.entry().info().version().toString(), c.settings().asMap());
  }
}
