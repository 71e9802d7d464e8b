package dev.lathe.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.ParameterSpec.Type;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.catalog.PluginCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One plugin's settings validated apart from an experiment, as its section of a file would be. */
class PluginSettingsTest {

  private static final String PREFIX_OF_SETTINGS = "settings of plugin 'evolution': ";
  private static final String PREFIX_OF_EXPERIMENT = "experiment 'x': ";

  private final PluginCatalog catalog = TestPlugins.catalog();
  private final PluginProvider evolution = catalog.withId("evolution").get(0).provider();

  @TempDir
  Path folder;

  @Test
  void valuesAreCanonicalWithDefaultsAsInAnExperiment() {
    Map<String, String> given = Map.of("population", "+64", "mutation", "0.5",
        "patience", "PT90S", "weights", "1, 2", "checkpoint", "run/state.bin");
    SettingsView settings = ExperimentFiles.settings("evolution", evolution.parameters(),
        "optimizer", given, folder);

    assertEquals(experiment(given).optimizer().settings().asMap(), settings.asMap());
    assertEquals(Map.of("population", "64", "mutation", "0.5", "selection", "tournament",
        "elitism", "true", "patience", "90s", "checkpoint", "run/state.bin", "weights", "1.0,2.0",
        "label", ""), settings.asMap());
    assertEquals("optimizer", settings.prefix());
    assertEquals(Duration.ofSeconds(90), settings.getDuration("patience"));
    assertEquals(folder.resolve("run/state.bin"), settings.getPath("checkpoint"));
  }

  @Test
  void refusalsReadAsInAnExperimentFile() {
    List<Map<String, String>> wrong = List.of(
        Map.of("populaton", "5"),
        Map.of("population", "many"),
        Map.of("population", "1"),
        Map.of("mutation", "1.5"),
        Map.of("selection", "tournamnet"),
        Map.of("patience", "soon"),
        Map.of("weights", "1,,2"),
        Map.of("label", "${env:LATHE_TEST_SURELY_UNSET_VARIABLE}"));
    for (Map<String, String> given : wrong) {
      LatheException direct = assertThrows(LatheException.class, () -> ExperimentFiles.settings(
          "evolution", evolution.parameters(), "optimizer", given, folder), given.toString());
      LatheException inFile = assertThrows(LatheException.class, () -> experiment(given),
          given.toString());
      assertEquals(LatheException.Kind.CONFIGURATION, direct.kind());
      assertEquals(PREFIX_OF_SETTINGS, direct.getMessage().substring(0,
          PREFIX_OF_SETTINGS.length()), direct.getMessage());
      assertEquals(inFile.getMessage().substring(PREFIX_OF_EXPERIMENT.length()),
          direct.getMessage().substring(PREFIX_OF_SETTINGS.length()));
    }
    assertEquals(PREFIX_OF_SETTINGS + "optimizer.populaton: unknown setting of plugin"
        + " 'evolution'; did you mean 'population'?", assertThrows(LatheException.class,
            () -> ExperimentFiles.settings("evolution", evolution.parameters(), "optimizer",
                Map.of("populaton", "5"), folder)).getMessage());
  }

  @Test
  void missingRequiredSettingIsNamedWithItsSection() {
    PluginProvider latency = catalog.withId("latency").get(0).provider();
    LatheException e = assertThrows(LatheException.class, () -> ExperimentFiles.settings(
        "latency", latency.parameters(), "evaluators(1)", Map.of("device", "gpu"), folder));
    assertEquals("settings of plugin 'latency': evaluators(1).table: required setting of plugin"
        + " 'latency' is missing (a path: latency table file)", e.getMessage());
    LatheException none = assertThrows(LatheException.class, () -> ExperimentFiles.settings(
        "latency", latency.parameters(), "evaluators(1)", Map.of(), folder));
    assertEquals("settings of plugin 'latency': evaluators(1).table: required setting of plugin"
        + " 'latency' is missing (a path: latency table file)", none.getMessage());
  }

  @Test
  void invalidDefaultIsThePluginsFault() {
    LatheException e = assertThrows(LatheException.class, () -> ExperimentFiles.settings("sloppy",
        List.of(ParameterSpec.integer("source", 99, "start vertex").range(0, 10)), "algorithm",
        Map.of(), folder));
    assertEquals(LatheException.Kind.PLUGIN, e.kind());
    assertEquals("plugin 'sloppy' declares an invalid default for 'source': 99 is outside the"
        + " allowed range [0, 10]", e.getMessage());
    assertEquals(Map.of("source", "3"), ExperimentFiles.settings("sloppy",
        List.of(ParameterSpec.integer("source", 99, "start vertex").range(0, 10)), "algorithm",
        Map.of("source", "3"), folder).asMap(), "a given value is checked, not the default");
    assertEquals(Map.of("widths", ""), ExperimentFiles.settings("lists",
        List.of(ParameterSpec.of("widths", Type.INTEGER_LIST, "", "layer widths")), "space",
        Map.of(), null).asMap());
  }

  /** The experiment {@code x} whose optimizer is {@code evolution} with {@code settings}. */
  private ExperimentConfig experiment(Map<String, String> settings) {
    Map<String, Object> optimizer = new LinkedHashMap<>();
    optimizer.put("plugin", "evolution");
    optimizer.putAll(settings);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("space", "branin");
    tree.put("evaluators", List.of("branin"));
    tree.put("optimizer", optimizer);
    tree.put("objectives", List.of(Map.of("minimize", "value")));
    tree.put("budget", Map.of("trials", 10));
    return ExperimentFiles.read(tree, "x", folder, List.of(), catalog);
  }
}
