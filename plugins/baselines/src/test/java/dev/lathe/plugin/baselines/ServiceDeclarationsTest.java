package dev.lathe.plugin.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.LatheApi;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.ServiceDeclarations;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The module's {@code provides} clauses, its service files, and what the providers declare. */
class ServiceDeclarationsTest {

  private static final Module MODULE = ServiceDeclarationsTest.class.getModule();

  /** The arXiv ids of the plugins that implement one paper's method; the others name none. */
  private static final Map<String, String> PAPERS =
      Map.of("evolution", "1802.01548", "ofa-evolution", "1908.09791");

  @Test
  void serviceFilesListExactlyTheProvidedImplementations() {
    ServiceDeclarations.check(MODULE, "dev.lathe.plugin.baselines", OptimizerProvider.class,
        SearchSpaceProvider.class, EvaluatorProvider.class, ReproductionProvider.class);
  }

  @Test
  void providersHaveIdsVersionsAndDocumentedParameters() {
    Map<String, List<String>> idsByPoint = new TreeMap<>();
    for (PluginProvider provider : allProviders()) {
      assertEquals("0.1.0", provider.info().version().toString(), provider.info().id());
      assertTrue(provider.info().requires().contains(LatheApi.VERSION), provider.info().id());
      assertEquals(Optional.ofNullable(PAPERS.get(provider.info().id())), provider.info().paper(),
          provider.info().id());
      for (ParameterSpec spec : provider.parameters()) {
        assertFalse(spec.doc().isBlank(), spec.name());
        assertFalse(spec.required(), spec.name());
      }
      idsByPoint.computeIfAbsent(provider.point().label(), k -> new ArrayList<>())
          .add(provider.info().id());
    }
    assertEquals(Map.of(
        "evaluator", List.of("branin", "hartmann6", "zdt1"),
        "optimizer", List.of("random", "evolution", "ofa-evolution", "nsga2", "grid", "gp-ei",
            "cmaes"),
        "reproduction", List.of("baselines"),
        "search-space", List.of("branin", "hartmann6", "zdt1")), idsByPoint);
  }

  @Test
  void everyProblemOffersASpaceAndAnEvaluatorWithTheSameInfoAndParameters() {
    Map<String, PluginProvider> spaces = byId(SearchSpaceProvider.class);
    Map<String, PluginProvider> evaluators = byId(EvaluatorProvider.class);
    assertEquals(spaces.keySet(), evaluators.keySet());
    spaces.forEach((id, space) -> {
      assertEquals(ExtensionPoint.SEARCH_SPACE, space.point());
      assertEquals(space.info(), evaluators.get(id).info(), id);
      assertEquals(space.parameters(), evaluators.get(id).parameters(), id);
    });
  }

  private static Map<String, PluginProvider> byId(Class<? extends PluginProvider> type) {
    MODULE.addUses(type);
    Map<String, PluginProvider> byId = new TreeMap<>();
    ServiceLoader.load(type).forEach(p -> byId.put(p.info().id(), p));
    return byId;
  }

  private static List<PluginProvider> allProviders() {
    List<PluginProvider> all = new ArrayList<>();
    for (ModuleDescriptor.Provides provides : MODULE.getDescriptor().provides()) {
      try {
        Class<?> service = Class.forName(provides.service());
        MODULE.addUses(service);
        ServiceLoader.load(service).forEach(p -> all.add((PluginProvider) p));
      } catch (ClassNotFoundException e) {
        throw new AssertionError(provides.service(), e);
      }
    }
    return all;
  }
}
