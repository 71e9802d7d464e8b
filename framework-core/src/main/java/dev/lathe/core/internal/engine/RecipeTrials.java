package dev.lathe.core.internal.engine;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import dev.lathe.core.internal.cluster.RecipeComponent;
import dev.lathe.core.internal.cluster.TrialRecipe;
import dev.lathe.core.internal.cluster.TrialRefusedException;
import dev.lathe.core.internal.cluster.TrialRunners;
import dev.lathe.core.internal.config.ExperimentFiles;
import dev.lathe.core.internal.config.SettingsView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link TrialRunners} from the plugin catalog: rebuilds an experiment's evaluator chain from
 * its recipe, once per recipe (the last {@value #KEPT} chains and refusals are kept).
 */
public final class RecipeTrials implements TrialRunners {

  private static final int KEPT = 4;

  private final Set<String> capabilities;
  private final Function<TrialRecipe, TrialRunner> chains;
  private final Map<String, TrialRunner> runners = new LinkedHashMap<>(8, 0.75f, true);
  private final Map<String, String> refusals = new LinkedHashMap<>();

  private RecipeTrials(Set<String> capabilities, Function<TrialRecipe, TrialRunner> chains) {
    this.capabilities = Set.copyOf(capabilities);
    this.chains = chains;
  }

  /** The runners of a worker: any recipe whose plugins {@code catalog} holds, same versions. */
  public static RecipeTrials fromCatalog(PluginCatalog catalog) {
    Set<String> capabilities = new LinkedHashSet<>();
    for (CatalogEntry e : catalog.entries()) {
      capabilities.add(RecipeComponent.capability(e.point(), e.id(),
          e.info().version().toString()));
    }
    return new RecipeTrials(capabilities, recipe -> build(catalog, recipe));
  }

  /** The runners of a driver that runs its own trials: {@code recipe} only, with {@code chain}. */
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
  public synchronized TrialRunner runner(TrialRecipe recipe) throws TrialRefusedException {
    String key = new String(recipe.toJson(), StandardCharsets.UTF_8);
    TrialRunner known = runners.get(key);
    if (known != null) {
      return known;
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
    runners.put(key, chain);
    if (runners.size() > KEPT) {
      runners.remove(runners.keySet().iterator().next());
    }
    return chain;
  }

  private void remember(String key, String reason) {
    refusals.put(key, reason);
    if (refusals.size() > KEPT) {
      refusals.remove(refusals.keySet().iterator().next());
    }
  }

  /**
   * The space, compressors, evaluators and accelerators of {@code recipe}, created from
   * {@code catalog}.
   */
  private static TrialRunner build(PluginCatalog catalog, TrialRecipe recipe) {
    Path base = Path.of(recipe.baseDirectory());
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "lathe-worker",
        recipe.experiment().replaceAll("[^A-Za-z0-9_.-]", "_"));
    SearchSpace space = null;
    List<Compressor> compressors = new ArrayList<>();
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
      } else if (c.point() == ExtensionPoint.COMPRESSOR) {
        compressors.add(((CompressorProvider) provider).create(context));
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
    return new EvaluationChain(space, compressors, evaluators, accelerators);
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
    config.compressors().forEach(c -> components.add(component(c)));
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
