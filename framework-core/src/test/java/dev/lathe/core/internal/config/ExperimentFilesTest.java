package dev.lathe.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.core.internal.catalog.PluginCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid experiments: values, defaults, overrides, interpolation, formats and the round trip. */
class ExperimentFilesTest {

  private static final String QUICKSTART = """
      experiment: {name: quickstart, seed: 42}
      space: {plugin: branin}
      evaluators: [{plugin: branin}]
      accelerators: []
      optimizer: {plugin: evolution, population: 50, weights: [0.5, 2]}
      objectives: [{minimize: value}]
      constraints: ["latency_ms <= 25"]
      budget: {trials: 100, time: 10m, target: 0.4}
      execution: {batch: 4, timeout: 30s, retries: 2}
      """;

  private final PluginCatalog catalog = TestPlugins.catalog();

  @TempDir
  Path folder;

  @Test
  void readsEverySection() throws IOException {
    Path file = write("quickstart.yaml", QUICKSTART);
    ExperimentConfig config = ExperimentFiles.read(file, List.of(), catalog);

    assertEquals("quickstart", config.name());
    assertEquals(42, config.seed());
    assertEquals(file.toAbsolutePath().normalize(), config.source());
    assertEquals("branin", config.space().plugin());
    assertEquals("space", config.space().role());
    assertEquals(List.of("branin"), config.evaluators().stream().map(Component::plugin).toList());
    assertEquals("evaluators(0)", config.evaluators().get(0).role());
    assertTrue(config.accelerators().isEmpty());
    assertEquals(List.of(Objective.minimize("value")), config.objectives());
    assertEquals(List.of(new Constraint("latency_ms", Constraint.Relation.AT_MOST, 25)),
        config.constraints());
    assertEquals(new Budget(100, Duration.ofMinutes(10), OptionalDouble.of(0.4)),
        config.budget());
    assertEquals(new Execution(4, Duration.ofSeconds(30), 2), config.execution());
    assertEquals("local", config.executor().plugin());
    assertEquals(Map.of("threads", "0"), config.executor().settings().asMap());
    assertEquals("local", config.store().plugin());
    assertEquals("store", config.store().settings().prefix());

    SettingsView optimizer = config.optimizer().settings();
    assertEquals("optimizer", optimizer.prefix());
    assertEquals(50, optimizer.getInt("population"));
    assertEquals(0.1, optimizer.getDouble("mutation"));
    assertEquals("tournament", optimizer.getString("selection"));
    assertTrue(optimizer.getBoolean("elitism"));
    assertEquals(Duration.ofMinutes(1), optimizer.getDuration("patience"));
    assertEquals(List.of(0.5, 2.0), optimizer.getDoubleList("weights"));
    assertEquals(folder.toAbsolutePath().normalize().resolve("state/evolution.bin"),
        optimizer.getPath("checkpoint"));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("population", "50");
    expected.put("mutation", "0.1");
    expected.put("selection", "tournament");
    expected.put("elitism", "true");
    expected.put("patience", "1m");
    expected.put("checkpoint", "state/evolution.bin");
    expected.put("weights", "0.5,2.0");
    expected.put("label", "");
    assertEquals(expected, optimizer.asMap());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(optimizer.asMap().keySet()),
        "settings in declared order");
  }

  @Test
  void fillsDefaults() throws IOException {
    Path file = write("tiny.yml", """
        space: ofa
        accelerators: [sparch]
        optimizer: random
        objectives: [{maximize: accuracy}]
        budget: {time: 2h}
        """);
    ExperimentConfig config = ExperimentFiles.read(file, List.of(), catalog);

    assertEquals("tiny", config.name(), "the file's base name");
    assertEquals(0, config.seed());
    assertTrue(config.evaluators().isEmpty());
    assertEquals("sparch", config.accelerators().get(0).plugin());
    assertEquals(64, config.accelerators().get(0).settings().getInt("merge-ways"));
    assertEquals(List.of(2L, 3L, 4L), config.space().settings().getLongList("depths"));
    assertEquals(List.of("3", "5", "7"), config.space().settings().getStringList("kernels"));
    assertEquals(new Budget(Long.MAX_VALUE, Duration.ofHours(2), OptionalDouble.empty()),
        config.budget());
    assertEquals(new Execution(0, Duration.ZERO, 0), config.execution());
    assertTrue(config.constraints().isEmpty());
    assertEquals(List.of(Objective.maximize("accuracy")), config.objectives());
  }

  @Test
  void overridesAndSystemPropertiesWinOverTheFile() throws IOException {
    Path file = write("quickstart.yaml", QUICKSTART.replace(
        "evaluators: [{plugin: branin}]",
        "evaluators: [{plugin: branin, noise: 0.5}, {plugin: latency, table: t.csv}]"));
    System.setProperty("lathe.experiment.seed", "7");
    System.setProperty("lathe.budget.trials", "30");
    System.setProperty("lathe.home", "/not/an/experiment/key");
    try {
      ExperimentConfig config = ExperimentFiles.read(file, List.of(
          "budget.trials=20",
          "optimizer.population=60",
          "evaluators(1).device=gpu",
          "evaluators(2).plugin=branin",
          "constraints=energy_mj <= 3",
          "store=ledger"), catalog);

      assertEquals(7, config.seed(), "system property over the file");
      assertEquals(20, config.budget().trials(), "--set over the system property");
      assertEquals(60, config.optimizer().settings().getInt("population"));
      assertEquals(0.1, config.optimizer().settings().getDouble("mutation"), "kept from defaults");
      assertEquals(List.of("branin", "latency", "branin"),
          config.evaluators().stream().map(Component::plugin).toList());
      assertEquals(0.5, config.evaluators().get(0).settings().getDouble("noise"),
          "first item untouched");
      assertEquals("gpu", config.evaluators().get(1).settings().getString("device"));
      assertEquals("t.csv", config.evaluators().get(1).settings().getString("table"),
          "second item merged, not replaced");
      assertEquals("evaluators(2)", config.evaluators().get(2).role());
      assertEquals(List.of(Constraint.parse("energy_mj <= 3")), config.constraints(),
          "a value without index replaces the list");
      assertEquals("ledger", config.store().plugin());
    } finally {
      System.clearProperty("lathe.experiment.seed");
      System.clearProperty("lathe.budget.trials");
      System.clearProperty("lathe.home");
    }
  }

  @Test
  void indexedOverrideReplacesOneListItem() throws IOException {
    Path file = write("quickstart.yaml", QUICKSTART.replace("constraints: [\"latency_ms <= 25\"]",
        "constraints: [\"latency_ms <= 25\", \"accuracy >= 0.7\", \"energy_mj <= 9\"]"));
    ExperimentConfig config = ExperimentFiles.read(file,
        List.of("constraints(1)=accuracy >= 0.75"), catalog);
    assertEquals(List.of(Constraint.parse("latency_ms <= 25"), Constraint.parse("accuracy >= 0.75"),
        Constraint.parse("energy_mj <= 9")), config.constraints());
  }

  @Test
  void componentValueOverrideStartsAfresh() throws IOException {
    Path file = write("quickstart.yaml", QUICKSTART);
    ExperimentConfig config = ExperimentFiles.read(file,
        List.of("optimizer=random", "space.plugin=ofa", "space.depths=1, 4"), catalog);
    assertEquals("random", config.optimizer().plugin());
    assertEquals(Map.of(), config.optimizer().settings().asMap(),
        "evolution's settings went with it");
    assertEquals("ofa", config.space().plugin());
    assertEquals(List.of(1L, 4L), config.space().settings().getLongList("depths"));
  }

  @Test
  void laterOverrideWins() throws IOException {
    Path file = write("quickstart.yaml", QUICKSTART);
    ExperimentConfig config = ExperimentFiles.read(file,
        List.of("execution.batch=2", "execution.batch=8"), catalog);
    assertEquals(8, config.execution().batch());
  }

  @Test
  void interpolatesEnvironmentSystemPropertiesAndKeys() throws IOException {
    Map.Entry<String, String> variable = System.getenv().entrySet().stream()
        .filter(e -> e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") && !e.getValue().isEmpty()
            && !e.getValue().contains("$") && !e.getValue().contains(","))
        .sorted(Map.Entry.comparingByKey()).findFirst().orElseThrow();
    Path file = write("quickstart.yaml", QUICKSTART.replace("population: 50,", """
        population: '${sys:lathe.test.population}', label: '${env:%s}',
        checkpoint: 'runs/${experiment.name}-${experiment.seed}.bin',
        selection: '${env:LATHE_TEST_UNDEFINED_7F3A:-roulette}',""".formatted(variable.getKey())));
    System.setProperty("lathe.test.population", "77");
    try {
      SettingsView settings = ExperimentFiles.read(file, List.of(), catalog)
          .optimizer().settings();
      assertEquals(77, settings.getInt("population"));
      assertEquals(variable.getValue(), settings.getString("label"));
      assertEquals("runs/quickstart-42.bin", settings.getString("checkpoint"));
      assertEquals("roulette", settings.getString("selection"), "default of ${env:X:-default}");
    } finally {
      System.clearProperty("lathe.test.population");
    }
  }

  @Test
  void escapedVariableStaysLiteral() throws IOException {
    Path file = write("quickstart.yaml",
        QUICKSTART.replace("population: 50,", "label: 'cost in $${currency}',"));
    assertEquals("cost in ${currency}", ExperimentFiles.read(file, List.of(), catalog)
        .optimizer().settings().getString("label"));
  }

  @Test
  void readsPropertiesWithTheSameKeys() throws IOException {
    Path yaml = write("quickstart.yaml", QUICKSTART);
    Path properties = write("quickstart.properties", """
        experiment.name = quickstart
        experiment.seed = 42
        space.plugin = branin
        evaluators(0).plugin = branin
        optimizer.plugin = evolution
        optimizer.population = 50
        optimizer.weights = 0.5, 2
        objectives(0).minimize = value
        constraints = latency_ms <= 25
        budget.trials = 100
        budget.time = 10m
        budget.target = 0.4
        execution.batch = 4
        execution.timeout = 30s
        execution.retries = 2
        """);
    assertEquals(ExperimentFiles.toYaml(ExperimentFiles.read(yaml, List.of(), catalog)),
        ExperimentFiles.toYaml(ExperimentFiles.read(properties, List.of(), catalog)));
  }

  @Test
  void propertiesListItemsMayComeInAnyOrder() throws IOException {
    Path properties = write("two.properties", """
        space = branin
        evaluators(1).plugin = latency
        evaluators(1).table = t.csv
        evaluators(0).plugin = branin
        optimizer = random
        objectives(0).minimize = value
        constraints = latency_ms <= 25
        constraints = energy_mj <= 3
        budget.trials = 5
        """);
    ExperimentConfig config = ExperimentFiles.read(properties, List.of(), catalog);
    assertEquals(List.of("branin", "latency"),
        config.evaluators().stream().map(Component::plugin).toList());
    assertEquals(List.of(Constraint.parse("latency_ms <= 25"), Constraint.parse("energy_mj <= 3")),
        config.constraints(), "a repeated key is a list");
  }

  @Test
  void readsATreeBuiltInJava() throws IOException {
    Path file = write("quickstart.yaml", QUICKSTART);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("experiment", Map.of("seed", 42));
    tree.put("space", Map.of("plugin", "branin"));
    tree.put("evaluators", List.of(Map.of("plugin", "branin")));
    tree.put("optimizer", Map.of("plugin", "evolution", "population", 50,
        "weights", List.of(0.5, 2)));
    tree.put("objectives", List.of(Map.of("minimize", "value")));
    tree.put("constraints", List.of("latency_ms <= 25"));
    tree.put("budget", Map.of("trials", 100, "time", Duration.ofMinutes(10), "target", 0.4));
    tree.put("execution", Map.of("batch", 4, "timeout", "30s", "retries", 2));

    ExperimentConfig built = ExperimentFiles.read(tree, "quickstart", folder, List.of(), catalog);
    assertNull(built.source());
    assertEquals("quickstart", built.name());
    assertEquals(ExperimentFiles.toYaml(ExperimentFiles.read(file, List.of(), catalog)),
        ExperimentFiles.toYaml(built));
  }

  @Test
  void effectiveYamlReadsBackToAnEqualConfiguration() throws IOException {
    Path file = write("quickstart.yaml", QUICKSTART.replace(
        "evaluators: [{plugin: branin}]",
        "evaluators: [{plugin: branin}, {plugin: latency, table: 'tables/a b.csv'}]")
        .replace("accelerators: []", "accelerators: [{plugin: sparch, merge-ways: 16}]\n"
            + "compressors: [{plugin: prune, sparsity: 0.25}, quantize]")
        .replace("space: {plugin: branin}", "space: {plugin: ofa, kernels: '3, 7'}")
        .replace("label: ''", "")
        .replace("population: 50,", "population: 50, label: 'yes', patience: 90s,"));
    ExperimentConfig first = ExperimentFiles.read(file, List.of("store.fsync=true"), catalog);
    String yaml = ExperimentFiles.toYaml(first);

    Path written = write("effective.yaml", yaml);
    ExperimentConfig second = ExperimentFiles.read(written, List.of(), catalog);

    assertEquals(yaml, ExperimentFiles.toYaml(second));
    assertEquals(first.name(), second.name());
    assertEquals(first.seed(), second.seed());
    assertEquals(summary(first), summary(second));
    assertEquals(first.objectives(), second.objectives());
    assertEquals(first.constraints(), second.constraints());
    assertEquals(first.budget(), second.budget());
    assertEquals(first.execution(), second.execution());
    assertTrue(yaml.contains("population: 50\n"), yaml);
    assertTrue(yaml.contains("label: 'yes'\n"), "a string that YAML would read as a boolean");
    assertTrue(yaml.contains("patience: 90s\n"), yaml);
    assertTrue(yaml.contains("weights:\n  - 0.5\n  - 2.0\n"), yaml);
    assertTrue(yaml.contains("fsync: true\n"), yaml);
    assertTrue(yaml.contains("threads: 0\n"), "defaults written out");
  }

  @Test
  void readsTheCompressorChainInOrder() throws IOException {
    Path file = write("chain.yaml", QUICKSTART.replace("accelerators: []",
        "compressors: [{plugin: quantize, bits: 4}, prune]"));
    ExperimentConfig config = ExperimentFiles.read(file, List.of("compressors(1).sparsity=0.75"),
        catalog);
    assertEquals(List.of("quantize", "prune"),
        config.compressors().stream().map(Component::plugin).toList());
    assertEquals(List.of("compressors(0)", "compressors(1)"),
        config.compressors().stream().map(Component::role).toList());
    assertEquals(4, config.compressors().get(0).settings().getInt("bits"));
    assertEquals(0.75, config.compressors().get(1).settings().getDouble("sparsity"));
    assertEquals(List.of("space", "compressors(0)", "compressors(1)", "evaluators(0)"),
        config.components().stream().map(Component::role).limit(4).toList());
  }

  @Test
  void emptyListSurvivesTheRoundTrip() throws IOException {
    Path file = write("quickstart.yaml",
        QUICKSTART.replace("space: {plugin: branin}", "space: {plugin: ofa, kernels: ''}"));
    ExperimentConfig first = ExperimentFiles.read(file, List.of(), catalog);
    assertEquals(List.of(), first.space().settings().getStringList("kernels"));
    ExperimentConfig second = ExperimentFiles.read(
        write("effective.yaml", ExperimentFiles.toYaml(first)), List.of(), catalog);
    assertEquals(List.of(), second.space().settings().getStringList("kernels"));
    assertFalse(ExperimentFiles.toYaml(second).contains("kernels: []"));
  }

  /** Each component's role, plugin id and settings. */
  private static List<String> summary(ExperimentConfig config) {
    return config.components().stream()
        .map(c -> c.role() + "=" + c.plugin() + c.settings().asMap()).toList();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text);
  }
}
