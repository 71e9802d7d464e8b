package dev.lathe.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.Candidate;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import dev.lathe.core.internal.cluster.RecipeComponent;
import dev.lathe.core.internal.cluster.TrialRecipe;
import dev.lathe.core.internal.cluster.TrialRefusedException;
import dev.lathe.core.internal.config.Execution;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipeTrialsTest {

  private static final PluginCatalog CATALOG = new PluginCatalog(List.of(
      new CatalogEntry(new TestPlugins.SphereSpaceProvider(), false, "test"),
      new CatalogEntry(new TestPlugins.SphereEvaluatorProvider(), false, "test")),
      List.of(), null);

  private static TrialRecipe recipe(String evaluatorVersion, Map<String, String> settings) {
    return new TrialRecipe("sphere-run", 7, "/tmp", List.of(
        new RecipeComponent("space", ExtensionPoint.SEARCH_SPACE, "sphere", "1.0.0", Map.of()),
        new RecipeComponent("evaluators(0)", ExtensionPoint.EVALUATOR, "sphere",
            evaluatorVersion, settings)));
  }

  @Test
  void aWorkerRebuildsTheChainOfTheDriversRecipeAndReusesIt() throws Exception {
    var config = TestPlugins.config("sphere-run", 1, Map.of(), false,
        new Execution(0, Duration.ZERO, 0));
    TrialRecipe recipe = RecipeTrials.recipe(config);
    assertEquals(List.of("search-space/sphere@1.0.0", "evaluator/sphere@1.0.0"),
        recipe.components().stream().map(RecipeComponent::capability).toList());

    RecipeTrials worker = RecipeTrials.fromCatalog(CATALOG);
    assertTrue(worker.capabilities().containsAll(List.of("search-space/sphere@1.0.0",
        "evaluator/sphere@1.0.0")));
    TrialRunner runner = worker.runner(TrialRecipe.fromJson(recipe.toJson()));
    assertSame(runner, worker.runner(recipe), "the chain is built once per recipe");
    Metrics m = runner.run(new TrialTask("00000000000000aa", 0, 1,
        Candidate.of(Map.of("a", 0.5, "b", -0.25)), 1, Duration.ZERO), () -> false);
    assertEquals(0.3125, m.value("value"), 1e-12);
  }

  @Test
  void aWorkerRebuildsTheCompressorChainInItsPlace() throws Exception {
    TrialRecipe recipe = new TrialRecipe("models", 7, "/tmp", List.of(
        new RecipeComponent("space", ExtensionPoint.SEARCH_SPACE, "sphere-models", "1.0.0",
            Map.of()),
        new RecipeComponent("compressors(0)", ExtensionPoint.COMPRESSOR, "halve", "1.0.0",
            Map.of()),
        new RecipeComponent("compressors(1)", ExtensionPoint.COMPRESSOR, "halve", "1.0.0",
            Map.of()),
        new RecipeComponent("evaluators(0)", ExtensionPoint.EVALUATOR, "sphere", "1.0.0",
            Map.of())));
    RecipeTrials worker = RecipeTrials.fromCatalog(new PluginCatalog(List.of(
        new CatalogEntry(new TestPlugins.ModelSpaceProvider(), false, "test"),
        new CatalogEntry(new TestPlugins.HalvingCompressorProvider(), false, "test"),
        new CatalogEntry(new TestPlugins.SphereEvaluatorProvider(), false, "test")),
        List.of(), null));
    Metrics m = worker.runner(TrialRecipe.fromJson(recipe.toJson())).run(new TrialTask(
        "00000000000000ab", 0, 1, Candidate.of(Map.of("a", 0.5, "b", -0.25)), 1, Duration.ZERO),
        () -> false);
    // 1000 · 0.3125 = 312.5 → 313 parameters, halved twice: 156, then 78
    assertEquals(78, m.value("halve_params_after"), "the second step's report wins its name");
    assertEquals(0.3125, m.value("value"), 1e-12);
  }

  @Test
  void aWorkerRefusesARecipeWithAnotherVersionOrABadSetting() {
    RecipeTrials worker = RecipeTrials.fromCatalog(CATALOG);
    TrialRefusedException version = assertThrows(TrialRefusedException.class,
        () -> worker.runner(recipe("2.0.0", Map.of())));
    assertEquals("has evaluator 'sphere' 1.0.0 where the experiment uses 2.0.0"
        + " (evaluators(0))", version.getMessage());
    TrialRefusedException setting = assertThrows(TrialRefusedException.class,
        () -> worker.runner(recipe("1.0.0", Map.of("speed", "3"))));
    assertTrue(setting.getMessage().startsWith("cannot build the evaluators of 'sphere-run':"
        + " IllegalArgumentException: evaluators(0): "), setting.getMessage());
    assertTrue(setting.getMessage().contains("speed"), setting.getMessage());
  }

  @Test
  void aDriverServesItsOwnRecipeOnly() throws Exception {
    TrialRunner chain = (task, cancelled) -> Metrics.empty();
    TrialRecipe own = recipe("1.0.0", Map.of());
    RecipeTrials driver = RecipeTrials.serving(own, chain);
    assertSame(chain, driver.runner(own));
    TrialRefusedException other = assertThrows(TrialRefusedException.class,
        () -> driver.runner(new TrialRecipe("other", 7, "/tmp", own.components())));
    assertTrue(other.getMessage().contains("this driver runs experiment 'sphere-run' only"),
        other.getMessage());
  }
}
