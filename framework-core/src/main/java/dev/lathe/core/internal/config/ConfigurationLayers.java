package dev.lathe.core.internal.config;

import dev.lathe.core.LatheException;
import dev.lathe.core.internal.config.ConfigSource.Origin;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.commons.configuration2.AbstractYAMLBasedConfiguration;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.CombinedConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The layers of an experiment's configuration and their combination. The file (YAML or
 * properties, or a tree built in Java) is the lowest layer; {@code lathe.*} system properties
 * override it; {@code --set key=value} overrides both. The layers are combined in a Commons
 * Configuration {@link CombinedConfiguration} with an {@link IndexedOverrideCombiner}, and
 * values are interpolated through the combined configuration's interpolator.
 */
final class ConfigurationLayers {

  /** The prefix of system properties that override the file; it is stripped from the key. */
  static final String SYSTEM_PREFIX = "lathe.";

  private ConfigurationLayers() {}

  /**
   * The lowest layer read from {@code file}: YAML for {@code .yaml}/{@code .yml}, properties
   * for {@code .properties}.
   *
   * @param where the file as named in messages
   * @throws LatheException if the type is unsupported, the file is missing or unreadable, or
   *     its content does not parse (with the line, for YAML)
   */
  static BaseHierarchicalConfiguration readFile(Path file, String where) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString()
        .toLowerCase(Locale.ROOT);
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    if (!yaml && !name.endsWith(".properties")) {
      throw LatheException.config(where,
          "unsupported file type; expected .yaml, .yml or .properties");
    }
    if (Files.isDirectory(file)) {
      throw LatheException.config(where, "is a directory, not an experiment file");
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return yaml ? readYaml(in, where) : readProperties(in, where);
    } catch (NoSuchFileException e) {
      throw LatheException.config(where, "no such file");
    } catch (AccessDeniedException e) {
      throw LatheException.config(where, "permission denied");
    } catch (CharacterCodingException e) {
      throw LatheException.config(where, "is not UTF-8 text");
    } catch (IOException e) {
      throw LatheException.config(where, "cannot be read: " + ConfigSource.oneLine(e.toString()));
    }
  }

  private static BaseHierarchicalConfiguration readYaml(Reader in, String where) {
    YAMLConfiguration yaml = new YAMLConfiguration();
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try {
      yaml.read(in, options);
    } catch (ConfigurationException e) {
      throw yamlProblem(e, where);
    }
    return yaml;
  }

  private static LatheException yamlProblem(ConfigurationException e, String where) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark mark = marked.getProblemMark();
        String context = marked.getContext() == null ? ""
            : " (" + ConfigSource.oneLine(marked.getContext())
                + (marked.getContextMark() == null ? ""
                    : " that starts at line " + (marked.getContextMark().getLine() + 1)) + ")";
        return LatheException.config(where, "line " + (mark.getLine() + 1) + ", column "
            + (mark.getColumn() + 1) + ": " + ConfigSource.oneLine(marked.getProblem())
            + context);
      }
      if (cause instanceof CharacterCodingException) {
        return LatheException.config(where, "is not UTF-8 text");
      }
      if (cause instanceof ClassCastException) {
        return LatheException.config(where,
            "is not a YAML map of sections with text keys (e.g. 'space: branin')");
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return LatheException.config(where, "is not valid YAML: " + ConfigSource.oneLine(
        root.getMessage() == null ? root.toString() : root.getMessage()));
  }

  private static BaseHierarchicalConfiguration readProperties(Reader in, String where)
      throws IOException {
    PropertiesConfiguration properties = new PropertiesConfiguration();
    properties.setIncludesAllowed(false);
    try {
      properties.read(in);
    } catch (ConfigurationException | IllegalArgumentException e) {
      throw LatheException.config(where, "is not a valid properties file: "
          + ConfigSource.oneLine(e.getMessage()));
    }
    KeyTree tree = new KeyTree();
    for (Iterator<String> keys = properties.getKeys(); keys.hasNext(); ) {
      String key = keys.next();
      try {
        tree.put(key, properties.getProperty(key));
      } catch (IllegalArgumentException e) {
        throw LatheException.config(where, key + ": " + e.getMessage());
      }
    }
    return layer(tree);
  }

  /**
   * The lowest layer made from a nested map built in Java: maps are sections, collections are
   * lists, anything else is a value (its {@code toString()} is read).
   */
  static BaseHierarchicalConfiguration fromTree(Map<String, ?> tree, String where) {
    try {
      return new TreeConfiguration(tree);
    } catch (ClassCastException e) {
      throw LatheException.config(where, "every key of the experiment tree must be a String");
    }
  }

  /**
   * The root of the effective configuration: {@code overrides} over {@code lathe.*} entries of
   * {@code system} over {@code file}.
   *
   * @param overrides {@code key=value} texts, the later winning over the earlier
   * @param system the JVM's system properties; only keys {@code lathe.SECTION…} where SECTION
   *     is a top-level key of an experiment are read, so that other {@code lathe.*} properties
   *     stay free for other uses
   */
  static ConfigNode effective(String where, BaseHierarchicalConfiguration file,
      List<String> overrides, Properties system) {
    List<Origin> origins = new ArrayList<>();
    KeyTree systemLayer = new KeyTree();
    for (String name : new TreeSet<>(system.stringPropertyNames())) {
      String key = name.substring(name.startsWith(SYSTEM_PREFIX) ? SYSTEM_PREFIX.length() : 0);
      if (name.startsWith(SYSTEM_PREFIX)
          && ExperimentValidator.TOP_LEVEL.contains(section(key))) {
        String value = system.getProperty(name);
        String description = "-D" + name + "=" + value;
        put(systemLayer, key, value, where, description);
        origins.add(new Origin(key, description));
      }
    }
    KeyTree overrideLayer = new KeyTree();
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0 || override.substring(0, eq).isBlank()) {
        throw LatheException.config(where, "--set '" + override + "': expected KEY=VALUE");
      }
      String key = override.substring(0, eq).trim();
      String description = "--set " + override;
      put(overrideLayer, key, override.substring(eq + 1), where, description);
      origins.add(new Origin(key, description));
    }

    CombinedConfiguration combined = new CombinedConfiguration(new IndexedOverrideCombiner());
    combined.addConfiguration(layer(overrideLayer), "overrides");
    combined.addConfiguration(layer(systemLayer), "system-properties");
    combined.addConfiguration(file, "file");
    ConfigSource source = new ConfigSource(where, combined.getInterpolator(), origins);
    return ConfigNode.root(combined.getNodeModel().getNodeHandler().getRootNode(), source);
  }

  private static void put(KeyTree tree, String key, String value, String where,
      String description) {
    try {
      tree.put(key, value);
    } catch (IllegalArgumentException e) {
      throw LatheException.config(where, description + ": " + e.getMessage());
    }
  }

  /** The first part of a key, before any '.' or '('. */
  private static String section(String key) {
    int end = key.length();
    for (char stop : new char[] {'.', '('}) {
      int i = key.indexOf(stop);
      if (i >= 0) {
        end = Math.min(end, i);
      }
    }
    return key.substring(0, end);
  }

  private static BaseHierarchicalConfiguration layer(KeyTree tree) {
    BaseHierarchicalConfiguration layer = new BaseHierarchicalConfiguration();
    layer.getNodeModel().setRootNode(tree.build());
    return layer;
  }

  /** A configuration loaded from a nested map, as YAML's loader would build it. */
  private static final class TreeConfiguration extends AbstractYAMLBasedConfiguration {

    @SuppressWarnings("unchecked")
    TreeConfiguration(Map<String, ?> tree) {
      load((Map<String, Object>) tree);
    }
  }
}
