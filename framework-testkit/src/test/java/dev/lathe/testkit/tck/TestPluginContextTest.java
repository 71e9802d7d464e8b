package dev.lathe.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.LatheApi;
import dev.lathe.api.Version;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.ParameterSpec.Type;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.Settings;
import dev.lathe.core.LatheException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPluginContextTest {

  @TempDir Path folder;

  /** A provider declaring one parameter of each type. */
  private static final PluginProvider PROVIDER = new PluginProvider() {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("demo-plugin", "1.0.0", "Demo", "[0.1,)");
    }

    @Override
    public ExtensionPoint point() {
      return ExtensionPoint.OPTIMIZER;
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(
          ParameterSpec.bool("elitist", true, "keep the best"),
          ParameterSpec.integer("population", 16, "individuals per generation").range(2, 512),
          ParameterSpec.real("rate", 0.25, "mutation probability").range(0, 1),
          ParameterSpec.string("selection", "tournament", "how parents are chosen")
              .choices("tournament", "roulette"),
          ParameterSpec.of("budget", Type.DURATION, "1.5s", "time per generation"),
          ParameterSpec.of("table", Type.PATH, "tables/latency.csv", "latency table"),
          ParameterSpec.of("widths", Type.INTEGER_LIST, "8, 16,32", "layer widths").range(1, 64),
          ParameterSpec.of("scales", Type.REAL_LIST, "0.5,1.0", "width multipliers"),
          ParameterSpec.of("ops", Type.STRING_LIST, "conv,pool", "allowed operations")
              .choices("conv", "pool", "skip"),
          ParameterSpec.string("dataset", null, "the data set to use"));
    }
  };

  @Test
  void settingsHoldDefaultsTypedAndOverrides() {
    Settings s = TestPluginContext.builder(PROVIDER, folder)
        .set("dataset", "mnist").set("population", "64").build().settings();
    assertEquals("optimizer", s.prefix());
    assertEquals(true, s.getBoolean("elitist"));
    assertEquals(64, s.getInt("population"));
    assertEquals(64.0, s.getDouble("population"));
    assertEquals(0.25, s.getDouble("rate"));
    assertEquals("tournament", s.getString("selection"));
    assertEquals(Duration.ofMillis(1500), s.getDuration("budget"));
    assertEquals(folder.resolve("tables/latency.csv"), s.getPath("table"));
    assertEquals(List.of(8L, 16L, 32L), s.getLongList("widths"));
    assertEquals(List.of(0.5, 1.0), s.getDoubleList("scales"));
    assertEquals(List.of("conv", "pool"), s.getStringList("ops"));
    assertEquals("mnist", s.getString("dataset"));
    assertEquals(10, s.asMap().size());
    assertTrue(s.has("rate"));
  }

  @Test
  void invalidSettingsAreRefusedByTheKernelNamingPluginAndKey() {
    assertRefused(Map.of("dataset", "x", "populaton", "3"), "settings of plugin 'demo-plugin':"
        + " optimizer.populaton: unknown setting of plugin 'demo-plugin'; did you mean"
        + " 'population'?");
    assertRefused(Map.of(), "settings of plugin 'demo-plugin': optimizer.dataset: required"
        + " setting of plugin 'demo-plugin' is missing (a string: the data set to use)");
    assertRefused(Map.of("dataset", "x", "population", "many"),
        "optimizer.population: 'many' is not an integer (plugin 'demo-plugin')");
    assertRefused(Map.of("dataset", "x", "population", "1"),
        "optimizer.population: 1 is outside the allowed range [2, 512] (plugin 'demo-plugin')");
    assertRefused(Map.of("dataset", "x", "rate", "1.5"),
        "optimizer.rate: 1.5 is outside the allowed range [0, 1]");
    assertRefused(Map.of("dataset", "x", "rate", "NaN"), "optimizer.rate: 'NaN' is not a number");
    assertRefused(Map.of("dataset", "x", "elitist", "yes"),
        "optimizer.elitist: 'yes' is not a boolean (true or false)");
    assertRefused(Map.of("dataset", "x", "selection", "roulete"),
        "optimizer.selection: 'roulete' is not one of tournament, roulette; did you mean"
            + " 'roulette'?");
    assertRefused(Map.of("dataset", "x", "budget", "soon"),
        "optimizer.budget: 'soon' is not a duration");
    assertRefused(Map.of("dataset", "x", "widths", "8,128"),
        "optimizer.widths: 128 is outside the allowed range [1, 64]");
    assertRefused(Map.of("dataset", "x", "ops", "conv,attention"),
        "optimizer.ops: 'attention' is not one of conv, pool, skip");
    assertRefused(Map.of("dataset", "${env:LATHE_TEST_SURELY_UNSET_VARIABLE}"),
        "optimizer.dataset: unresolved variable ${env:LATHE_TEST_SURELY_UNSET_VARIABLE}");
  }

  @Test
  void valuesAreReadAsInAnExperimentFile() {
    Settings s = TestPluginContext.builder(PROVIDER, folder).set("dataset", "mnist")
        .set("elitist", "FALSE").set("rate", "1").set("budget", "PT2M").set("widths", "4,  8")
        .set("table", "tables/${optimizer.dataset}.csv").build().settings();
    assertEquals(Map.of("elitist", "false", "population", "16", "rate", "1.0",
        "selection", "tournament", "budget", "2m", "table", "tables/mnist.csv", "widths", "4,8",
        "scales", "0.5,1.0", "ops", "conv,pool", "dataset", "mnist"), s.asMap());
    assertEquals(folder.resolve("tables/mnist.csv"), s.getPath("table"));
  }

  @Test
  void invalidDefaultIsReportedAsThePluginsFault() {
    PluginProvider sloppy = new PluginProvider() {
      @Override
      public PluginInfo info() {
        return PluginInfo.of("sloppy", "1.0.0", "Sloppy", "[0.1,)");
      }

      @Override
      public ExtensionPoint point() {
        return ExtensionPoint.GRAPH_ALGORITHM;
      }

      @Override
      public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("source", 99, "start vertex").range(0, 10));
      }
    };
    LatheException e = assertThrows(LatheException.class,
        () -> TestPluginContext.of(sloppy, folder));
    assertEquals(LatheException.Kind.PLUGIN, e.kind());
    assertEquals("plugin 'sloppy' declares an invalid default for 'source': 99 is outside the"
        + " allowed range [0, 10]", e.getMessage());
    assertEquals(3, TestPluginContext.builder(sloppy, folder).set("source", "3").build()
        .settings().getInt("source"));
  }

  @Test
  void gettersRefuseUndeclaredKeysAndWrongTypes() {
    Settings s = TestPluginContext.builder(PROVIDER, folder).set("dataset", "x").build().settings();
    IllegalArgumentException undeclared =
        assertThrows(IllegalArgumentException.class, () -> s.getLong("generations"));
    assertEquals("plugin 'demo-plugin': setting 'optimizer.generations' is not a declared"
        + " parameter; declared: [elitist, population, rate, selection, budget, table, widths,"
        + " scales, ops, dataset]", undeclared.getMessage());
    IllegalArgumentException wrongType =
        assertThrows(IllegalArgumentException.class, () -> s.getLong("rate"));
    assertTrue(wrongType.getMessage().contains("'optimizer.rate' is declared REAL, not [INTEGER]"),
        wrongType.getMessage());
  }

  @Test
  void contextHasSeedFoldersLoggerAndApiVersion() {
    TestPluginContext c = TestPluginContext.builder(PROVIDER, folder)
        .set("dataset", "x").seed(7).prefix("optimizer2").build();
    assertEquals(7, c.seed());
    long expected = new SplittableRandom(7).nextLong();
    assertEquals(expected, c.random().nextLong());
    assertEquals(expected, c.random().nextLong(), "each random() starts again from the seed");
    assertEquals(folder.resolve("results/demo-plugin"), c.workDirectory());
    assertTrue(Files.isDirectory(c.workDirectory()));
    assertEquals(folder.resolve("cache"), c.cacheDirectory());
    assertTrue(Files.isDirectory(c.cacheDirectory()));
    assertEquals("lathe.plugin.demo-plugin", c.logger().getName());
    assertEquals(LatheApi.VERSION, c.apiVersion());
    assertEquals("optimizer2", c.settings().prefix());
    assertEquals(Version.parse("9.0"),
        TestPluginContext.builder(PROVIDER, folder).set("dataset", "x")
            .apiVersion(Version.parse("9.0")).build().apiVersion());
    assertEquals(TestPluginContext.DEFAULT_SEED, TestPluginContext.builder(PROVIDER, folder)
        .set("dataset", "x").build().seed());
  }

  private void assertRefused(Map<String, String> settings, String message) {
    LatheException e = assertThrows(LatheException.class,
        () -> TestPluginContext.builder(PROVIDER, folder).settings(settings).build());
    assertEquals(LatheException.Kind.CONFIGURATION, e.kind());
    assertTrue(e.getMessage().startsWith("settings of plugin 'demo-plugin': optimizer."),
        e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
