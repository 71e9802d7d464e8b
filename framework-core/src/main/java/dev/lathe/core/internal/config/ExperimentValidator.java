package dev.lathe.core.internal.config;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns the effective configuration tree into an {@link ExperimentConfig}: checks the keys of
 * every section, resolves each component's plugin in the catalog for its extension point,
 * validates its settings against the plugin's declared parameters, and type-checks the fixed
 * sections. The first problem found ends the validation with a one-line
 * {@link LatheException} of kind {@code CONFIGURATION}.
 */
final class ExperimentValidator {

  /** The top-level keys of an experiment file, in the order {@code toYaml} writes them. */
  static final List<String> TOP_LEVEL = List.of("experiment", "space", "compressors",
      "evaluators", "accelerators", "optimizer", "objectives", "constraints", "budget", "execution",
      "executor", "store");

  /** The executor and result store used when the file names none. */
  static final String DEFAULT_PLUGIN = "local";

  private static final List<ParameterSpec> EXPERIMENT = List.of(
      ParameterSpec.string("name", null, "the experiment's name"),
      ParameterSpec.integer("seed", 0, "the experiment seed"));
  private static final List<ParameterSpec> BUDGET = List.of(
      ParameterSpec.integer("trials", 1, "how many trials").atLeast(1),
      ParameterSpec.of("time", ParameterSpec.Type.DURATION, "0", "wall-time limit"),
      ParameterSpec.real("target", 0, "stop when the first objective reaches this"));
  private static final List<ParameterSpec> EXECUTION = List.of(
      ParameterSpec.integer("batch", 0, "trials asked and run at once").range(0, Integer.MAX_VALUE),
      ParameterSpec.of("timeout", ParameterSpec.Type.DURATION, "0", "per-attempt time limit"),
      ParameterSpec.integer("retries", 0, "retries of a failed trial").range(0, Integer.MAX_VALUE));
  private static final Set<String> DIRECTIONS = Set.of("minimize", "maximize");

  private final PluginCatalog catalog;
  private final Path baseDirectory;

  /**
   * A validator resolving plugins in {@code catalog}.
   *
   * @param baseDirectory where plugins' relative paths are resolved, or {@code null}
   */
  ExperimentValidator(PluginCatalog catalog, Path baseDirectory) {
    this.catalog = catalog;
    this.baseDirectory = baseDirectory;
  }

  /**
   * The validated experiment.
   *
   * @param root the root of the effective configuration
   * @param defaultName the name when {@code experiment.name} is not set
   * @param file the experiment file, or {@code null}
   */
  ExperimentConfig validate(ConfigNode root, String defaultName, Path file) {
    checkTopLevel(root);

    Map<String, String> experiment = section(root, "experiment", EXPERIMENT);
    String name = experiment.getOrDefault("name", defaultName);
    checkName(root, name, experiment.containsKey("name"));
    long seed = Long.parseLong(experiment.getOrDefault("seed", "0"));

    Component space = required(root, "space", ExtensionPoint.SEARCH_SPACE);
    List<Component> compressors = list(root, "compressors", ExtensionPoint.COMPRESSOR);
    List<Component> evaluators = list(root, "evaluators", ExtensionPoint.EVALUATOR);
    List<Component> accelerators = list(root, "accelerators", ExtensionPoint.ACCELERATOR);
    if (evaluators.isEmpty() && accelerators.isEmpty()) {
      throw root.childError("evaluators", "at least one evaluator or accelerator is required"
          + installed(ExtensionPoint.EVALUATOR, " (installed evaluators: ", ")"));
    }
    Component optimizer = required(root, "optimizer", ExtensionPoint.OPTIMIZER);
    List<Objective> objectives = objectives(root);
    List<Constraint> constraints = constraints(root);
    Budget budget = budget(root);
    Execution execution = execution(root);
    Component executor = withDefault(root, "executor", ExtensionPoint.EXECUTOR);
    Component store = withDefault(root, "store", ExtensionPoint.RESULT_STORE);

    return new ExperimentConfig(name, seed, file, space, compressors, evaluators, accelerators,
        optimizer, executor, store, objectives, constraints, budget, execution);
  }

  private void checkTopLevel(ConfigNode root) {
    for (String key : root.names()) {
      if (!TOP_LEVEL.contains(key)) {
        String hint = Suggestions.didYouMean(key, TOP_LEVEL);
        throw root.childError(key, "unknown top-level key"
            + (hint.isEmpty() ? "; known keys: " + String.join(", ", TOP_LEVEL) : hint));
      }
    }
  }

  private static void checkName(ConfigNode root, String name, boolean written) {
    String problem = name.isBlank() ? "the name is empty"
        : name.contains("/") || name.contains("\\")
            ? "'" + name + "' contains a path separator" : null;
    if (problem != null) {
      throw written ? root.childError("experiment.name", problem)
          : root.error("cannot name the experiment after the file: " + problem);
    }
  }

  // ---- components ---------------------------------------------------------------------------

  private Component required(ConfigNode root, String key, ExtensionPoint point) {
    ConfigNode node = root.single(key);
    if (node == null) {
      throw root.childError(key, "missing; name " + article(point) + " plugin"
          + installed(point, " (installed: ", ")"));
    }
    return component(node, key, point, null);
  }

  private Component withDefault(ConfigNode root, String key, ExtensionPoint point) {
    ConfigNode node = root.single(key);
    if (node != null) {
      return component(node, key, point, DEFAULT_PLUGIN);
    }
    CatalogEntry entry = resolve(root, key, DEFAULT_PLUGIN, point);
    return new Component(key, entry, settings(root, key + ".", null, entry, key));
  }

  private List<Component> list(ConfigNode root, String key, ExtensionPoint point) {
    List<Component> components = new ArrayList<>();
    for (ConfigNode item : root.items(key)) {
      if (item.isUnset()) {
        throw item.error("empty item; name " + article(point) + " plugin");
      }
      components.add(component(item, item.key(), point, null));
    }
    return components;
  }

  /**
   * The component at {@code node}: a plugin id, or a section with {@code plugin} and settings.
   *
   * @param defaultId the plugin when a section names none, or {@code null} if it must
   */
  private Component component(ConfigNode node, String role, ExtensionPoint point,
      String defaultId) {
    List<ConfigNode> plugin = node.children("plugin");
    if (plugin.size() > 1) {
      throw node.childError("plugin", "expected one plugin id, got a list of " + plugin.size());
    }
    String id;
    String idChild;
    if (!node.isMap()) {
      id = node.text();
      idChild = null;
    } else if (!plugin.isEmpty()) {
      if (node.hasValue()) {
        throw node.error("names plugin '" + node.value() + "' and also plugin '"
            + plugin.get(0).text() + "' under 'plugin'; keep one");
      }
      id = plugin.get(0).text();
      idChild = "plugin";
    } else if (node.hasValue()) {
      id = node.value();
      idChild = null;
    } else if (defaultId != null) {
      id = defaultId;
      idChild = null;
    } else {
      throw node.error("missing 'plugin': the id of " + article(point) + " plugin"
          + installed(point, " (installed: ", ")"));
    }
    if (id == null || id.isBlank()) {
      throw idChild == null ? node.error("the plugin id is empty")
          : node.childError(idChild, "the plugin id is empty");
    }
    CatalogEntry entry = resolve(node, idChild, id.trim(), point);
    return new Component(role, entry, settings(node, "", node, entry, role));
  }

  /**
   * The entry of {@code point} with id {@code id}; errors go to {@code at}'s child
   * {@code child}, or to {@code at} itself when {@code child} is {@code null}.
   */
  private CatalogEntry resolve(ConfigNode at, String child, String id, ExtensionPoint point) {
    Optional<CatalogEntry> found = catalog.find(point, id);
    if (found.isPresent()) {
      return found.get();
    }
    List<CatalogEntry> elsewhere = catalog.withId(id);
    String message;
    if (!elsewhere.isEmpty()) {
      message = "'" + id + "' is " + elsewhere.stream().map(e -> article(e.point()))
          .collect(Collectors.joining(" and ")) + ", not " + article(point);
    } else {
      String hint = Suggestions.didYouMean(id, ids(point));
      if (hint.isEmpty()) {
        hint = catalog.rejections().stream().filter(r -> r.plugin().equals(id)).findFirst()
            .map(r -> "; " + r)
            .orElseGet(() -> ids(point).isEmpty()
                ? "; no " + point.label() + " plugins are installed"
                : installed(point, "; installed: ", ""));
      }
      message = "unknown " + point.label() + " '" + id + "'" + hint;
    }
    throw child == null ? at.error(message) : at.childError(child, message);
  }

  /** The validated settings of {@code entry}, defaults filled in; see the overload. */
  private SettingsView settings(ConfigNode owner, String prefix, ConfigNode node,
      CatalogEntry entry, String role) {
    return settings(owner, prefix, node, entry.id(), entry.provider().parameters(),
        "plugin '" + entry.id() + "' from " + entry.location(), role, baseDirectory);
  }

  /**
   * The settings of one plugin given apart from an experiment, validated as the same keys of
   * its section in an experiment file: the section {@code role} of {@code root}.
   *
   * @param declaredBy names the plugin in the message about an invalid default
   */
  static SettingsView pluginSettings(ConfigNode root, String role, String id,
      List<ParameterSpec> specs, String declaredBy, Path baseDirectory) {
    ConfigNode node = root.single(role);
    return node == null
        ? settings(root, role + ".", null, id, specs, declaredBy, role, baseDirectory)
        : settings(node, "", node, id, specs, declaredBy, role, baseDirectory);
  }

  /**
   * The validated settings of plugin {@code id}, defaults filled in.
   *
   * @param owner the node that errors about missing settings are reported under
   * @param prefix prepended to a setting's name to make its key under {@code owner}
   * @param node the component's node, or {@code null} when the component was defaulted
   * @param declaredBy names the plugin in the message about an invalid default
   */
  private static SettingsView settings(ConfigNode owner, String prefix, ConfigNode node,
      String id, List<ParameterSpec> specs, String declaredBy, String role,
      Path baseDirectory) {
    Map<String, String> given = node == null || !node.isMap() ? Map.of()
        : values(node, specs, Set.of("plugin"), "setting of plugin '" + id + "'",
            specs.isEmpty() ? "; plugin '" + id + "' has no settings"
                : "; plugin '" + id + "' declares: " + names(specs),
            " (plugin '" + id + "')");
    Map<String, String> values = new LinkedHashMap<>();
    for (ParameterSpec spec : specs) {
      if (given.containsKey(spec.name())) {
        values.put(spec.name(), given.get(spec.name()));
      } else if (!spec.required()) {
        values.put(spec.name(), defaultValue(declaredBy, spec));
      } else {
        throw owner.childError(prefix + spec.name(), "required setting of plugin '" + id
            + "' is missing (" + ParameterValues.describe(spec.type()) + ": " + spec.doc() + ")");
      }
    }
    return new SettingsView(id, role, specs, values, baseDirectory);
  }

  /**
   * The settings of {@code entry} with every default filled in, for a plugin run outside an
   * experiment (a reproduction).
   *
   * @throws LatheException if the plugin has a required parameter
   */
  static SettingsView defaults(CatalogEntry entry, String role) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ParameterSpec spec : entry.provider().parameters()) {
      if (spec.required()) {
        throw new LatheException(LatheException.Kind.CONFIGURATION, "plugin '" + entry.id()
            + "' needs setting '" + spec.name() + "' (" + spec.doc() + ") and has no default");
      }
      values.put(spec.name(),
          defaultValue("plugin '" + entry.id() + "' from " + entry.location(), spec));
    }
    return new SettingsView(entry.id(), role, entry.provider().parameters(), values, null);
  }

  private static String defaultValue(String declaredBy, ParameterSpec spec) {
    try {
      return ParameterValues.canonical(spec, List.of(spec.defaultValue()));
    } catch (InvalidValueException e) {
      throw new LatheException(LatheException.Kind.PLUGIN, declaredBy
          + " declares an invalid default for '" + spec.name() + "': " + e.getMessage());
    }
  }

  // ---- fixed sections -----------------------------------------------------------------------

  /** The canonical values given in the fixed section {@code key}; absent keys are left out. */
  private static Map<String, String> section(ConfigNode root, String key,
      List<ParameterSpec> specs) {
    ConfigNode node = root.single(key);
    if (node == null) {
      return Map.of();
    }
    if (!node.isMap()) {
      throw node.error("expected a section with keys " + names(specs) + ", got '"
          + node.text() + "'");
    }
    return values(node, specs, Set.of(), "key of section '" + key + "'",
        "; known keys: " + names(specs), "");
  }

  /**
   * The canonical values of the children of {@code node} that {@code specs} declare, skipping
   * {@code ignored}; another child is an error with a did-you-mean, else {@code known}.
   *
   * @param what what an unknown child is called, e.g. {@code setting of plugin 'random'}
   * @param suffix appended to value errors, e.g. {@code  (plugin 'random')}
   */
  private static Map<String, String> values(ConfigNode node, List<ParameterSpec> specs,
      Set<String> ignored, String what, String known, String suffix) {
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    specs.forEach(s -> byName.put(s.name(), s));
    Map<String, String> given = new LinkedHashMap<>();
    for (String name : node.names()) {
      if (ignored.contains(name)) {
        continue;
      }
      ParameterSpec spec = byName.get(name);
      if (spec == null) {
        String hint = Suggestions.didYouMean(name, byName.keySet());
        throw node.childError(name, "unknown " + what + (hint.isEmpty() ? known : hint));
      }
      List<String> texts = new ArrayList<>();
      for (ConfigNode value : node.children(name)) {
        if (value.isMap()) {
          throw value.error("expected " + ParameterValues.describe(spec.type())
              + ", not a map" + suffix);
        }
        if (!value.isUnset()) {
          texts.add(value.text());
        }
      }
      if (texts.isEmpty()) {
        continue;
      }
      try {
        given.put(name, ParameterValues.canonical(spec, texts));
      } catch (InvalidValueException e) {
        throw node.childError(name, e.getMessage() + suffix);
      }
    }
    return given;
  }

  private static List<Objective> objectives(ConfigNode root) {
    List<Objective> objectives = new ArrayList<>();
    for (ConfigNode item : root.items("objectives")) {
      if (!item.isMap()) {
        throw item.error("expected 'minimize: METRIC' or 'maximize: METRIC'"
            + (item.hasValue() ? ", got '" + item.text() + "'" : ""));
      }
      List<String> names = item.names();
      for (String name : names) {
        if (!DIRECTIONS.contains(name)) {
          String hint = Suggestions.didYouMean(name, DIRECTIONS);
          throw item.childError(name, "expected minimize or maximize"
              + (hint.isEmpty() ? "" : hint));
        }
      }
      List<ConfigNode> metrics = item.children(names.get(0));
      if (names.size() > 1 || metrics.size() > 1) {
        throw item.error("expected one of minimize or maximize, got " + names.size()
            + " metrics");
      }
      String metric = metrics.get(0).isUnset() ? null : metrics.get(0).text();
      if (metric == null || metric.isBlank()) {
        throw metrics.get(0).error("the metric name is missing");
      }
      Objective objective = new Objective(metric.trim(), names.get(0).equals("minimize")
          ? Objective.Direction.MINIMIZE : Objective.Direction.MAXIMIZE);
      if (objectives.stream().anyMatch(o -> o.metric().equals(objective.metric()))) {
        throw metrics.get(0).error("metric '" + objective.metric()
            + "' already has an objective");
      }
      objectives.add(objective);
    }
    if (objectives.isEmpty()) {
      throw root.childError("objectives",
          "at least one objective is required, e.g. objectives: [{minimize: loss}]");
    }
    return objectives;
  }

  private static List<Constraint> constraints(ConfigNode root) {
    List<Constraint> constraints = new ArrayList<>();
    for (ConfigNode item : root.items("constraints")) {
      String text = item.text();
      if (text == null) {
        throw item.error("empty constraint; expected METRIC <= NUMBER or METRIC >= NUMBER");
      }
      try {
        constraints.add(Constraint.parse(text));
      } catch (IllegalArgumentException e) {
        throw item.error(e.getMessage());
      }
    }
    return constraints;
  }

  private static Budget budget(ConfigNode root) {
    Map<String, String> budget = section(root, "budget", BUDGET);
    Duration time = Durations.parse(budget.getOrDefault("time", "0"));
    if (!budget.containsKey("trials") && time.isZero()) {
      throw root.childError("budget", "set budget.trials, budget.time or both");
    }
    long trials = budget.containsKey("trials")
        ? Long.parseLong(budget.get("trials")) : Long.MAX_VALUE;
    OptionalDouble target = budget.containsKey("target")
        ? OptionalDouble.of(Double.parseDouble(budget.get("target"))) : OptionalDouble.empty();
    return new Budget(trials, time, target);
  }

  private static Execution execution(ConfigNode root) {
    Map<String, String> execution = section(root, "execution", EXECUTION);
    return new Execution(Integer.parseInt(execution.getOrDefault("batch", "0")),
        Durations.parse(execution.getOrDefault("timeout", "0")),
        Integer.parseInt(execution.getOrDefault("retries", "0")));
  }

  // ---- words --------------------------------------------------------------------------------

  private Set<String> ids(ExtensionPoint point) {
    return catalog.entries(point).stream().map(CatalogEntry::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private String installed(ExtensionPoint point, String before, String after) {
    Set<String> ids = ids(point);
    return ids.isEmpty() ? "" : before + String.join(", ", ids) + after;
  }

  private static String names(List<ParameterSpec> specs) {
    return specs.stream().map(ParameterSpec::name).collect(Collectors.joining(", "));
  }

  /** {@code an optimizer}, {@code a search-space}. */
  static String article(ExtensionPoint point) {
    return ("aeiou".indexOf(point.label().charAt(0)) >= 0 ? "an " : "a ") + point.label();
  }
}
