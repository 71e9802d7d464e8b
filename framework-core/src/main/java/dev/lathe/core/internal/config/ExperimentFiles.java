package dev.lathe.core.internal.config;

import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, validates and writes experiment configurations; the format is described in
 * {@code docs/configuration.md}.
 *
 * <p>Reading combines three layers, highest first: {@code --set key=value} overrides, JVM
 * system properties {@code lathe.KEY} (prefix stripped; only keys under a top-level section of
 * an experiment), and the file (or a tree built in Java). Keys use Commons Configuration's
 * default syntax: {@code optimizer.population}, {@code evaluators(1).noise} for the second
 * evaluator. Values may refer to {@code ${env:NAME}}, {@code ${sys:name}} and other keys
 * ({@code ${experiment.name}}); a variable that cannot be resolved is an error.
 *
 * <p>Every failure is a {@link LatheException} of kind
 * {@link LatheException.Kind#CONFIGURATION}, one line naming the file and the key, except an
 * invalid default declared by a plugin, which is of kind {@link LatheException.Kind#PLUGIN}.
 */
public final class ExperimentFiles {

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentFiles.class);

  private ExperimentFiles() {}

  /**
   * Reads and validates the experiment file {@code file}.
   *
   * @param file a {@code .yaml}, {@code .yml} or {@code .properties} file, not null; its base
   *     name is the default experiment name and its folder the base of relative paths
   * @param overrides {@code key=value} texts from {@code --set}, applied in order; not null
   * @param catalog where plugins are resolved, not null
   * @return the validated experiment, with {@code source} the absolute path of {@code file}
   * @throws LatheException if the file is missing, unreadable or malformed, or any key or value
   *     is wrong
   */
  public static ExperimentConfig read(Path file, List<String> overrides, PluginCatalog catalog) {
    Objects.requireNonNull(file, "file");
    String where = file.toString();
    BaseHierarchicalConfiguration layer = ConfigurationLayers.readFile(file, where);
    Path absolute = file.toAbsolutePath().normalize();
    String fileName = absolute.getFileName().toString();
    String baseName = fileName.substring(0, fileName.lastIndexOf('.'));
    return validate(where, layer, baseName, absolute, absolute.getParent(), overrides, catalog);
  }

  /**
   * Validates an experiment built in Java as a nested map, in the same way as a file.
   *
   * @param tree the experiment: maps for sections, collections for lists, other values read
   *     through {@code toString()}; not null
   * @param defaultName the name when {@code experiment.name} is not set; also names the
   *     experiment in messages; not null
   * @param baseDirectory the base of relative paths in plugin settings, or {@code null} to leave
   *     them relative
   * @param overrides {@code key=value} texts, applied over the tree in order; not null
   * @param catalog where plugins are resolved, not null
   * @return the validated experiment, with a {@code null} source
   * @throws LatheException if any key or value is wrong
   */
  public static ExperimentConfig read(Map<String, ?> tree, String defaultName,
      Path baseDirectory, List<String> overrides, PluginCatalog catalog) {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(defaultName, "defaultName");
    String where = "experiment '" + defaultName + "'";
    BaseHierarchicalConfiguration layer = ConfigurationLayers.fromTree(tree, where);
    return validate(where, layer, defaultName, null, baseDirectory, overrides, catalog);
  }

  /**
   * The effective configuration of {@code config} as a YAML experiment file: every section and
   * every plugin setting, defaults written out. Reading it back yields an equal configuration
   * (the same plugins, settings, objectives, constraints, budget and execution).
   *
   * @param config a validated experiment, not null
   */
  public static String toYaml(ExperimentConfig config) {
    return EffectiveYaml.write(Objects.requireNonNull(config, "config"));
  }

  /**
   * The settings of {@code entry} with every default filled in, for a plugin run outside an
   * experiment (a reproduction).
   */
  public static SettingsView defaults(CatalogEntry entry, String role) {
    return ExperimentValidator.defaults(entry, role);
  }

  /**
   * Validates one plugin's settings given apart from an experiment, e.g. by a test, exactly as
   * the same keys in the plugin's section {@code role} of an experiment file: an undeclared key
   * is an error with a did-you-mean, every value is checked against its parameter's type, range
   * and choices and made canonical, {@code ${…}} variables are resolved, defaults are filled in
   * and a required parameter without a value is an error. {@code lathe.*} system properties do
   * not apply.
   *
   * @param plugin the plugin id, named in messages; not null
   * @param parameters the parameters the plugin declares; not null
   * @param role the section the settings stand for, e.g. {@code optimizer}; keys in messages are
   *     {@code role.key}; not null
   * @param settings values by parameter name, as written in an experiment file; not null
   * @param baseDirectory where relative {@code PATH} settings are resolved, or {@code null} to
   *     leave them relative
   * @return the validated settings, as a plugin in an experiment gets them
   * @throws LatheException of kind {@link LatheException.Kind#CONFIGURATION}, one line naming
   *     the key, if a setting is wrong or missing; of kind {@link LatheException.Kind#PLUGIN} if
   *     a declared default is invalid
   */
  public static SettingsView settings(String plugin, List<ParameterSpec> parameters, String role,
      Map<String, String> settings, Path baseDirectory) {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(settings, "settings");
    String where = "settings of plugin '" + plugin + "'";
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put(role, new LinkedHashMap<>(settings));
    ConfigNode root = ConfigurationLayers.effective(where,
        ConfigurationLayers.fromTree(tree, where), List.of(), new Properties());
    return ExperimentValidator.pluginSettings(root, role, plugin, parameters,
        "plugin '" + plugin + "'", baseDirectory);
  }

  /**
   * What makes {@code b} a different experiment from {@code a}, or null if it is the same one
   * with perhaps another budget, execution or executor: name, seed, space, evaluators,
   * accelerators, optimizer, store, objectives and constraints must agree, settings included.
   */
  public static String difference(ExperimentConfig a, ExperimentConfig b) {
    if (!a.name().equals(b.name())) return "name '" + a.name() + "' vs '" + b.name() + "'";
    if (a.seed() != b.seed()) return "seed " + a.seed() + " vs " + b.seed();
    if (!a.objectives().equals(b.objectives())) {
      return "objectives " + a.objectives() + " vs " + b.objectives();
    }
    if (!a.constraints().equals(b.constraints())) {
      return "constraints " + a.constraints() + " vs " + b.constraints();
    }
    List<Component> ca = identityComponents(a);
    List<Component> cb = identityComponents(b);
    if (ca.size() != cb.size()) return "the number of evaluators or accelerators";
    for (int i = 0; i < ca.size(); i++) {
      Component x = ca.get(i);
      Component y = cb.get(i);
      if (!x.role().equals(y.role()) || !x.plugin().equals(y.plugin())) {
        return x.role() + " '" + x.plugin() + "' vs " + y.role() + " '" + y.plugin() + "'";
      }
      if (!x.settings().asMap().equals(y.settings().asMap())) {
        return x.role() + " settings " + x.settings().asMap() + " vs " + y.settings().asMap();
      }
    }
    return null;
  }

  private static List<Component> identityComponents(ExperimentConfig c) {
    List<Component> all = new java.util.ArrayList<>(c.components());
    all.remove(c.executor());
    return all;
  }

  private static ExperimentConfig validate(String where, BaseHierarchicalConfiguration layer,
      String defaultName, Path file, Path baseDirectory, List<String> overrides,
      PluginCatalog catalog) {
    Objects.requireNonNull(overrides, "overrides");
    Objects.requireNonNull(catalog, "catalog");
    ConfigNode root = ConfigurationLayers.effective(where, layer, overrides,
        System.getProperties());
    ExperimentConfig config = new ExperimentValidator(catalog, baseDirectory)
        .validate(root, defaultName, file);
    LOG.debug("Read experiment '{}' from {} with {} override(s)", config.name(), where,
        overrides.size());
    return config;
  }
}
