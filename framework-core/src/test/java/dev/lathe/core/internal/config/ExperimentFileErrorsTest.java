package dev.lathe.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.catalog.PluginCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed experiments, each refused with one line naming the file, the key and the problem. */
class ExperimentFileErrorsTest {

  private static final String VALID = """
      experiment: {name: quickstart, seed: 42}
      space: {plugin: branin}
      evaluators: [{plugin: branin}]
      optimizer: {plugin: evolution, population: 50}
      objectives: [{minimize: value}]
      constraints: ["latency_ms <= 25"]
      budget: {trials: 100, time: 10m, target: 0.4}
      execution: {batch: 4, timeout: 30s, retries: 2}
      """;

  private final PluginCatalog catalog = TestPlugins.catalog();

  @TempDir
  Path folder;

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("unknown plugin, did you mean",
            VALID.replace("plugin: evolution,", "plugin: evolutoin,"), List.of(),
            "optimizer.plugin: unknown optimizer 'evolutoin'; did you mean 'evolution'?"),
        Arguments.of("unknown plugin, none close: installed ones listed",
            VALID.replace("space: {plugin: branin}", "space: mobilenet"), List.of(),
            "space: unknown search-space 'mobilenet'; installed: branin, ofa"),
        Arguments.of("unknown plugin that was rejected",
            VALID.replace("plugin: evolution,", "plugin: quantum,"), List.of(),
            "optimizer.plugin: unknown optimizer 'quantum'; plugin 'quantum' from"
                + " /plugins/quantum.jar rejected: requires Lathe API [2.0,3.0), this kernel"
                + " provides 0.1.0"),
        Arguments.of("plugin of another extension point",
            VALID.replace("space: {plugin: branin}", "space: random"), List.of(),
            "space: 'random' is an optimizer, not a search-space"),
        Arguments.of("missing plugin key",
            VALID.replace("plugin: evolution, ", ""), List.of(),
            "optimizer: missing 'plugin': the id of an optimizer plugin"
                + " (installed: evolution, random)"),
        Arguments.of("unknown setting, did you mean",
            VALID.replace("population: 50", "populaton: 50"), List.of(),
            "optimizer.populaton: unknown setting of plugin 'evolution';"
                + " did you mean 'population'?"),
        Arguments.of("setting of a plugin without settings",
            VALID.replace("space: {plugin: branin}", "space: {plugin: branin, size: 3}"),
            List.of(), "space.size: unknown setting of plugin 'branin';"
                + " plugin 'branin' has no settings"),
        Arguments.of("wrong type",
            VALID.replace("population: 50", "population: many"), List.of(),
            "optimizer.population: 'many' is not an integer (plugin 'evolution')"),
        Arguments.of("list for a single value",
            VALID.replace("population: 50", "population: [50, 60]"), List.of(),
            "optimizer.population: expected one value, got a list of 2 (plugin 'evolution')"),
        Arguments.of("out of range",
            VALID.replace("population: 50", "mutation: 1.5"), List.of(),
            "optimizer.mutation: 1.5 is outside the allowed range [0, 1] (plugin 'evolution')"),
        Arguments.of("list element out of range",
            VALID.replace("space: {plugin: branin}", "space: {plugin: ofa, depths: [2, 5]}"),
            List.of(), "space.depths: 5 is outside the allowed range [1, 4] (plugin 'ofa')"),
        Arguments.of("bad choice",
            VALID.replace("population: 50", "selection: rulette"), List.of(),
            "optimizer.selection: 'rulette' is not one of tournament, roulette;"
                + " did you mean 'roulette'? (plugin 'evolution')"),
        Arguments.of("missing required setting",
            VALID.replace("evaluators: [{plugin: branin}]", "evaluators: [{plugin: latency}]"),
            List.of(), "evaluators(0).table: required setting of plugin 'latency' is missing"
                + " (a path: latency table file)"),
        Arguments.of("compressor of another extension point",
            VALID.replace("optimizer:", "compressors: [prune, random]\noptimizer:"), List.of(),
            "compressors(1): 'random' is an optimizer, not a compressor"),
        Arguments.of("compressor setting out of range",
            VALID.replace("optimizer:", "compressors: [{plugin: quantize, bits: 64}]\noptimizer:"),
            List.of(), "compressors(0).bits: 64 is outside the allowed range [1, 32]"
                + " (plugin 'quantize')"),
        Arguments.of("unknown top-level key",
            VALID + "optimiser: random\n", List.of(),
            "optimiser: unknown top-level key; did you mean 'optimizer'?"),
        Arguments.of("unknown key of a fixed section",
            VALID.replace("trials: 100", "trails: 100"), List.of(),
            "budget.trails: unknown key of section 'budget'; did you mean 'trials'?"),
        Arguments.of("no objectives",
            VALID.replace("objectives: [{minimize: value}]\n", ""), List.of(),
            "objectives: at least one objective is required, e.g. objectives:"
                + " [{minimize: loss}]"),
        Arguments.of("misspelt objective direction",
            VALID.replace("minimize: value", "minimise: value"), List.of(),
            "objectives(0).minimise: expected minimize or maximize; did you mean 'minimize'?"),
        Arguments.of("no evaluator or accelerator",
            VALID.replace("evaluators: [{plugin: branin}]", "evaluators: []"), List.of(),
            "evaluators: at least one evaluator or accelerator is required"
                + " (installed evaluators: branin, latency)"),
        Arguments.of("bad constraint",
            VALID.replace("latency_ms <= 25", "latency_ms < 25"), List.of(),
            "constraints(0): 'latency_ms < 25' is not a constraint"
                + " (expected METRIC <= NUMBER or METRIC >= NUMBER)"),
        Arguments.of("bad duration",
            VALID.replace("time: 10m", "time: 10 minutes"), List.of(),
            "budget.time: '10 minutes' is not a duration (e.g. 500ms, 30s, 5m, 2h, 1d or PT1M)"),
        Arguments.of("no budget",
            VALID.replace("budget: {trials: 100, time: 10m, target: 0.4}\n", ""), List.of(),
            "budget: set budget.trials, budget.time or both"),
        Arguments.of("trials below one",
            VALID.replace("trials: 100", "trials: 0"), List.of(),
            "budget.trials: 0 is below the minimum 1"),
        Arguments.of("negative retries",
            VALID.replace("retries: 2", "retries: -1"), List.of(),
            "execution.retries: -1 is outside the allowed range [0, 2147483647]"),
        Arguments.of("section written as a value",
            VALID.replace("budget: {trials: 100, time: 10m, target: 0.4}", "budget: 100"),
            List.of(), "budget: expected a section with keys trials, time, target, got '100'"),
        Arguments.of("unresolved environment variable",
            VALID.replace("population: 50", "label: '${env:LATHE_TEST_UNDEFINED_7F3A}'"),
            List.of(), "optimizer.label: unresolved variable ${env:LATHE_TEST_UNDEFINED_7F3A}"),
        Arguments.of("broken YAML",
            VALID.replace("evaluators: [{plugin: branin}]", "evaluators: [{plugin: branin}"),
            List.of(), "line 4, column 1: expected ',' or ']', but got <scalar>"
                + " (while parsing a flow sequence that starts at line 3)"),
        Arguments.of("duplicate YAML key",
            VALID + "space: ofa\n", List.of(),
            "line 9, column 1: found duplicate key space (while constructing a mapping that"
                + " starts at line 1)"),
        Arguments.of("malformed --set",
            VALID, List.of("budget.trials"), "--set 'budget.trials': expected KEY=VALUE"),
        Arguments.of("--set with a negative index",
            VALID, List.of("evaluators(-1).plugin=branin"),
            "--set evaluators(-1).plugin=branin: index -1 is negative"),
        Arguments.of("error in an override names it",
            VALID, List.of("optimizer.populaton=60"),
            "optimizer.populaton: unknown setting of plugin 'evolution';"
                + " did you mean 'population'? (set by --set optimizer.populaton=60)"),
        Arguments.of("error in an indexed override names it",
            VALID, List.of("evaluators(0).noise=-1"),
            "evaluators(0).noise: -1 is below the minimum 0 (plugin 'branin')"
                + " (set by --set evaluators(0).noise=-1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusesWithOneLine(String what, String yaml, List<String> overrides, String expected)
      throws IOException {
    Path file = Files.writeString(folder.resolve("quickstart.yaml"), yaml);
    LatheException e = assertThrows(LatheException.class,
        () -> ExperimentFiles.read(file, overrides, catalog));
    assertEquals(file + ": " + expected, e.getMessage());
    assertConfigurationError(e);
  }

  @Test
  void missingFileIsNamed() {
    Path file = folder.resolve("absent.yaml");
    LatheException e = assertThrows(LatheException.class,
        () -> ExperimentFiles.read(file, List.of(), catalog));
    assertEquals(file + ": no such file", e.getMessage());
    assertConfigurationError(e);
  }

  @Test
  void directoryIsRefused() throws IOException {
    Path dir = Files.createDirectory(folder.resolve("runs.yaml"));
    LatheException e = assertThrows(LatheException.class,
        () -> ExperimentFiles.read(dir, List.of(), catalog));
    assertEquals(dir + ": is a directory, not an experiment file", e.getMessage());
  }

  @Test
  void unsupportedExtensionIsRefused() throws IOException {
    Path file = Files.writeString(folder.resolve("quickstart.json"), "{}");
    LatheException e = assertThrows(LatheException.class,
        () -> ExperimentFiles.read(file, List.of(), catalog));
    assertEquals(file + ": unsupported file type; expected .yaml, .yml or .properties",
        e.getMessage());
  }

  @Test
  void yamlThatIsNotAMapIsRefused() throws IOException {
    Path file = Files.writeString(folder.resolve("list.yaml"), "- space\n- optimizer\n");
    LatheException e = assertThrows(LatheException.class,
        () -> ExperimentFiles.read(file, List.of(), catalog));
    assertEquals(file + ": is not a YAML map of sections with text keys (e.g. 'space: branin')",
        e.getMessage());
  }

  @Test
  void invalidUtf8IsRefused() throws IOException {
    Path file = Files.write(folder.resolve("latin1.yaml"),
        new byte[] {'s', 'p', 'a', 'c', 'e', ':', ' ', (byte) 0xE9, '\n'});
    LatheException e = assertThrows(LatheException.class,
        () -> ExperimentFiles.read(file, List.of(), catalog));
    assertEquals(file + ": is not UTF-8 text", e.getMessage());
  }

  @Test
  void systemPropertyErrorNamesTheProperty() throws IOException {
    Path file = Files.writeString(folder.resolve("quickstart.yaml"), VALID);
    System.setProperty("lathe.budget.trials", "zero");
    try {
      LatheException e = assertThrows(LatheException.class,
          () -> ExperimentFiles.read(file, List.of(), catalog));
      assertEquals(file + ": budget.trials: 'zero' is not an integer"
          + " (set by -Dlathe.budget.trials=zero)", e.getMessage());
    } finally {
      System.clearProperty("lathe.budget.trials");
    }
  }

  @Test
  void treeErrorsNameTheExperiment() {
    Map<String, Object> tree = Map.of(
        "space", "branin",
        "evaluators", List.of(Map.of("plugin", "branin")),
        "optimizer", Map.of("plugin", "random", "population", 5),
        "objectives", List.of(Map.of("minimize", "value")),
        "budget", Map.of("trials", 10));
    LatheException e = assertThrows(LatheException.class,
        () -> ExperimentFiles.read(tree, "demo", null, List.of(), catalog));
    assertEquals("experiment 'demo': optimizer.population: unknown setting of plugin 'random';"
        + " plugin 'random' has no settings", e.getMessage());
  }

  @Test
  void invalidDefaultOfAPluginIsAPluginError() throws IOException {
    Path file = Files.writeString(folder.resolve("quickstart.yaml"), VALID);
    PluginCatalog broken = TestPlugins.catalog(List.of(TestPlugins.optimizer("evolution",
        ParameterSpec.integer("population", 100, "population size"),
        ParameterSpec.of("generations", ParameterSpec.Type.INTEGER, "many", "generations"))));
    LatheException e = assertThrows(LatheException.class,
        () -> ExperimentFiles.read(file, List.of(), broken));
    assertEquals(LatheException.Kind.PLUGIN, e.kind());
    assertEquals("plugin 'evolution' from built-in (dev.lathe.core) declares an invalid default"
        + " for 'generations': 'many' is not an integer", e.getMessage());
  }

  @Test
  void requiredSettingOfADefaultedComponentIsNamed() throws IOException {
    Path file = Files.writeString(folder.resolve("quickstart.yaml"), VALID);
    PluginCatalog needsHosts = TestPlugins.catalog(List.of(TestPlugins.executor("local",
        ParameterSpec.string("hosts", null, "worker hosts"))));
    LatheException e = assertThrows(LatheException.class,
        () -> ExperimentFiles.read(file, List.of(), needsHosts));
    assertEquals(file + ": executor.hosts: required setting of plugin 'local' is missing"
        + " (a string: worker hosts)", e.getMessage());
  }

  private static void assertConfigurationError(LatheException e) {
    assertEquals(LatheException.Kind.CONFIGURATION, e.kind());
    assertEquals(2, e.kind().exitCode());
    assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
    assertNull(e.getCause(), "no library exception behind it");
  }
}
