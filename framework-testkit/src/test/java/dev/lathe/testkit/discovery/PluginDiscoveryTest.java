package dev.lathe.testkit.discovery;

import static dev.lathe.testkit.discovery.KernelProviders.added;
import static dev.lathe.testkit.discovery.KernelProviders.addedIds;
import static dev.lathe.testkit.discovery.KernelProviders.assertKernelProviders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.LatheApi;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import dev.lathe.core.internal.catalog.PluginDiscovery;
import dev.lathe.core.internal.catalog.Rejection;
import dev.lathe.testkit.fixtures.BlankIdEvaluatorProvider;
import dev.lathe.testkit.fixtures.BrokenInfoEvaluatorProvider;
import dev.lathe.testkit.fixtures.FailingConstructorEvaluatorProvider;
import dev.lathe.testkit.fixtures.FaultyEvaluatorProvider;
import dev.lathe.testkit.fixtures.NeedsNewerApiEvaluatorProvider;
import dev.lathe.testkit.fixtures.SlowEvaluatorProvider;
import dev.lathe.testkit.jar.PluginJar;
import dev.lathe.testkit.tck.TestEvaluationContext;
import dev.lathe.testkit.tck.TestPluginContext;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {

  private static final Candidate CANDIDATE = Candidate.of(Map.of("width", 3L, "rate", 0.5));

  @TempDir
  Path folder;

  private Path plugins() {
    return folder.resolve("plugins");
  }

  @Test
  void withoutPluginsDirectoryFindsOnlyTheKernelsOwnProviders() throws Exception {
    try (PluginCatalog none = PluginDiscovery.discover(null);
         PluginCatalog missing = PluginDiscovery.discover(folder.resolve("absent"))) {
      for (PluginCatalog catalog : List.of(none, missing)) {
        assertEquals(3, catalog.entries().size(), "only the kernel provides plugins here: "
            + catalog.entries());
        assertKernelProviders(catalog);
        assertEquals(List.of(), added(catalog));
        assertEquals(List.of(), catalog.rejections());
      }
    }
  }

  @Test
  void externalJarIsListedWithItsPathAndItsProviderWorks() throws Exception {
    Path jar = PluginJar.withId("faulty-plugin").requires("[0.1,)")
        .provider(FaultyEvaluatorProvider.class).writeTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertEquals(List.of(), catalog.rejections());
      assertKernelProviders(catalog);
      CatalogEntry entry = single(added(catalog));
      assertEquals(entry, catalog.find(ExtensionPoint.EVALUATOR, "faulty").orElseThrow());
      assertTrue(entry.external());
      assertEquals(jar.toAbsolutePath().toString(), entry.location());
      assertEquals(ExtensionPoint.EVALUATOR, entry.point());
      assertNotSame(FaultyEvaluatorProvider.class, entry.provider().getClass(),
          "the plugin's own class loader defined its provider");

      EvaluatorProvider provider = (EvaluatorProvider) entry.provider();
      Evaluator evaluator = provider.create(TestPluginContext.of(provider, folder));
      assertEquals(3.5, evaluator.evaluate(CANDIDATE, trial("t1")).value("value"));
    }
  }

  @Test
  void zipPluginIsUnpackedAndLoaded() throws Exception {
    Path zip = PluginJar.withId("slow-plugin").provider(SlowEvaluatorProvider.class)
        .writeZipTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertEquals(List.of(), catalog.rejections());
      assertEquals(List.of("slow"), addedIds(catalog));
      assertEquals(zip.toAbsolutePath().toString(),
          catalog.find(ExtensionPoint.EVALUATOR, "slow").orElseThrow().location());
    }
  }

  @Test
  void providerNeedingNewerApiIsRejectedWhileTheJarNextToItLoads() throws Exception {
    Path newer = PluginJar.withId("future").provider(NeedsNewerApiEvaluatorProvider.class)
        .writeTo(plugins());
    PluginJar.withId("slow-plugin").provider(SlowEvaluatorProvider.class).writeTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertEquals(List.of(new Rejection("needs-newer-api", newer.toAbsolutePath().toString(),
              "needs Lathe API [9.0.0,) but this kernel provides " + LatheApi.VERSION)),
          catalog.rejections());
      assertEquals(List.of("slow"), addedIds(catalog));
      assertKernelProviders(catalog);
    }
  }

  @Test
  void jarWhosePluginRequiresExcludesTheApiIsRejectedWhileTheJarNextToItLoads()
      throws Exception {
    Path newer = PluginJar.withId("future").requires("[9.0,)")
        .provider(FaultyEvaluatorProvider.class).writeTo(plugins());
    PluginJar.withId("slow-plugin").provider(SlowEvaluatorProvider.class).writeTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertEquals(List.of(new Rejection("future", newer.toAbsolutePath().toString(),
              "needs Lathe API [9.0,) (Plugin-Requires) but this kernel provides "
                  + LatheApi.VERSION)),
          catalog.rejections());
      assertEquals(List.of("slow"), addedIds(catalog));
      assertKernelProviders(catalog);
    }
  }

  @Test
  void duplicateIdBetweenTwoJarsIsRejectedNamingBoth() throws Exception {
    Path first = PluginJar.withId("a-faulty").provider(FaultyEvaluatorProvider.class)
        .writeTo(plugins());
    Path second = PluginJar.withId("b-faulty").provider(FaultyEvaluatorProvider.class)
        .writeTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertEquals(List.of("faulty"), addedIds(catalog));
      assertEquals(first.toAbsolutePath().toString(),
          catalog.find(ExtensionPoint.EVALUATOR, "faulty").orElseThrow().location());
      assertEquals(List.of(new Rejection("faulty", second.toAbsolutePath().toString(),
              "duplicate evaluator id 'faulty': " + first.toAbsolutePath()
                  + " provides it already")),
          catalog.rejections());
    }
  }

  @Test
  void duplicatePluginIdIsRejectedNamingTheFirstJar() throws Exception {
    Path first = PluginJar.withId("faulty-plugin").version("1.0.0")
        .provider(FaultyEvaluatorProvider.class).writeTo(plugins());
    Path second = PluginJar.withId("faulty-plugin").version("2.0.0")
        .provider(SlowEvaluatorProvider.class).writeTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertEquals(List.of("faulty"), addedIds(catalog));
      assertKernelProviders(catalog);
      assertEquals(List.of(new Rejection("faulty-plugin", second.toAbsolutePath().toString(),
              "PF4J cannot load it: its Plugin-Id 'faulty-plugin' is already used by "
                  + first.toAbsolutePath())),
          catalog.rejections());
    }
  }

  @Test
  void truncatedJarIsRejectedWithoutAffectingTheOthers() throws Exception {
    PluginJar.withId("a-faulty").provider(FaultyEvaluatorProvider.class).writeTo(plugins());
    Path broken = PluginJar.withId("b-broken").provider(SlowEvaluatorProvider.class)
        .writeTo(plugins());
    truncate(broken);
    PluginJar.withId("c-slow").provider(SlowEvaluatorProvider.class).writeTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertEquals(List.of("faulty", "slow"), addedIds(catalog));
      assertKernelProviders(catalog);
      Rejection rejection = single(catalog.rejections());
      assertEquals("?", rejection.plugin());
      assertEquals(broken.toAbsolutePath().toString(), rejection.location());
      assertTrue(rejection.reason().startsWith("PF4J cannot load it: Cannot read manifest from "),
          rejection.reason());
      assertFalse(rejection.reason().contains("\n"));
    }
  }

  @Test
  void truncatedZipIsRejectedAndItsPartialFolderRemoved() throws Exception {
    Path zip = PluginJar.withId("broken").provider(FaultyEvaluatorProvider.class)
        .source("com.example.Padding", padding()).writeZipTo(plugins());
    truncate(zip);
    PluginJar.withId("slow-plugin").provider(SlowEvaluatorProvider.class).writeTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertEquals(List.of("slow"), addedIds(catalog));
      assertKernelProviders(catalog);
      Rejection rejection = single(catalog.rejections());
      assertEquals(zip.toAbsolutePath().toString(), rejection.location());
      assertTrue(rejection.reason().startsWith("PF4J cannot load it: "), rejection.reason());
      assertFalse(Files.exists(plugins().resolve("broken-0.1.0")));
    }
  }

  @Test
  void providersThatCannotBeCreatedOrDescribedAreRejectedAndTheirNeighboursLoad()
      throws Exception {
    Path jar = PluginJar.withId("mixed").provider(BlankIdEvaluatorProvider.class)
        .service(EvaluatorProvider.class, "com.example.Missing")
        .provider(BrokenInfoEvaluatorProvider.class)
        .provider(FailingConstructorEvaluatorProvider.class)
        .provider(FaultyEvaluatorProvider.class)
        .writeTo(plugins());
    String location = jar.toAbsolutePath().toString();

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertEquals(List.of("faulty"), addedIds(catalog));
      assertKernelProviders(catalog);
      assertEquals(List.of(
          new Rejection("mixed", location, "provider " + BlankIdEvaluatorProvider.class.getName()
              + " cannot describe itself: IllegalArgumentException: plugin id ' ' is blank or"
              + " malformed (lower-case letters and digits, words joined by '-')"),
          new Rejection("mixed", location, "a provider listed in META-INF/services cannot be"
              + " loaded: dev.lathe.api.spi.EvaluatorProvider: Provider com.example.Missing"
              + " not found"),
          new Rejection("mixed", location, "provider "
              + BrokenInfoEvaluatorProvider.class.getName()
              + " cannot describe itself: IllegalStateException: "
              + BrokenInfoEvaluatorProvider.MESSAGE),
          new Rejection("mixed", location, "provider "
              + FailingConstructorEvaluatorProvider.class.getName()
              + " cannot be created: IllegalStateException: "
              + FailingConstructorEvaluatorProvider.MESSAGE)),
          catalog.rejections());
    }
  }

  @Test
  void closeStopsAndUnloadsEveryPlugin() throws Exception {
    PluginJar.withId("a").provider(FaultyEvaluatorProvider.class).writeTo(plugins());
    PluginJar.withId("b").provider(SlowEvaluatorProvider.class).writeTo(plugins());
    ThirdParty.jar("c").writeTo(plugins());

    PluginCatalog catalog = PluginDiscovery.discover(plugins());
    assertKernelProviders(catalog);
    List<URLClassLoader> loaders = added(catalog).stream()
        .map(e -> (URLClassLoader) e.provider().getClass().getClassLoader()).toList();
    assertEquals(3, loaders.size());
    for (URLClassLoader loader : loaders) {
      assertNotNull(loader.findResource("META-INF/MANIFEST.MF"), "open before close");
    }
    catalog.close();
    for (URLClassLoader loader : loaders) {
      assertNull(loader.findResource("META-INF/MANIFEST.MF"), "class loader closed");
    }
    catalog.close();
  }

  @Test
  void thirdPartyPluginCompiledFromSourceLoadsAndRuns() throws Exception {
    Path jar = ThirdParty.jar("third-party").version("2.1.0").requires("[0.1,1.0)")
        .writeTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertEquals(List.of(), catalog.rejections());
      assertKernelProviders(catalog);
      CatalogEntry entry = single(added(catalog));
      assertEquals(entry, catalog.find(ExtensionPoint.EVALUATOR, "squares").orElseThrow());
      assertEquals(jar.toAbsolutePath().toString(), entry.location());
      assertEquals(ThirdParty.CLASS, entry.provider().getClass().getName());
      EvaluatorProvider provider = (EvaluatorProvider) entry.provider();
      Evaluator evaluator = provider.create(TestPluginContext.builder(provider, folder)
          .settings(Map.of("scale", "2.0")).build());
      assertEquals(2.0 * (3 * 3 + 0.5 * 0.5),
          evaluator.evaluate(CANDIDATE, trial("t")).value("squares"), 1e-12);
    }
  }

  @Test
  void jarWithoutProvidersIsRejected() throws Exception {
    Path jar = PluginJar.withId("empty").source("com.example.Nothing",
        "package com.example; public class Nothing {}").writeTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertKernelProviders(catalog);
      assertEquals(List.of(), added(catalog));
      assertEquals(List.of(new Rejection("empty", jar.toAbsolutePath().toString(),
              "it lists no provider of a Lathe extension point in META-INF/services")),
          catalog.rejections());
    }
  }

  @Test
  void manifestsLatheDoesNotAcceptAreRejected() throws Exception {
    Path dependent = PluginJar.withId("a-dependent").attribute("Plugin-Dependencies", "other")
        .provider(FaultyEvaluatorProvider.class).writeTo(plugins());
    Path malformed = PluginJar.withId("b-malformed").requires(">=0.1.0")
        .provider(FaultyEvaluatorProvider.class).writeTo(plugins());
    Path failing = PluginJar.withId("c-failing").attribute("Plugin-Class", "com.example.Missing")
        .provider(FaultyEvaluatorProvider.class).writeTo(plugins());
    Path unnamed = PluginJar.withId("").provider(FaultyEvaluatorProvider.class)
        .writeTo(plugins());

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertKernelProviders(catalog);
      assertEquals(List.of(), added(catalog));
      List<Rejection> rejections = catalog.rejections();
      assertEquals(4, rejections.size(), rejections.toString());
      assertEquals(new Rejection("?", unnamed.toAbsolutePath().toString(),
          "PF4J cannot load it: Field 'id' cannot be empty"), rejections.get(0));
      assertEquals(new Rejection("a-dependent", dependent.toAbsolutePath().toString(),
          "PF4J cannot load it: its manifest declares Plugin-Dependencies [other], but Lathe"
              + " plugins meet only through the API and may not depend on each other"),
          rejections.get(1));
      assertEquals("b-malformed", rejections.get(2).plugin());
      assertEquals(malformed.toAbsolutePath().toString(), rejections.get(2).location());
      assertTrue(rejections.get(2).reason().startsWith(
          "PF4J cannot load it: manifest attribute Plugin-Requires: not a version range:"
              + " '>=0.1.0'"), rejections.get(2).reason());
      assertEquals("c-failing", rejections.get(3).plugin());
      assertEquals(failing.toAbsolutePath().toString(), rejections.get(3).location());
      assertEquals("PF4J left it FAILED: PluginRuntimeException: its Plugin-Class"
          + " com.example.Missing cannot be created (PF4J logs why)", rejections.get(3).reason());
    }
  }

  @Test
  void pluginDisabledInPf4jStatusFileIsRejected() throws Exception {
    Path jar = PluginJar.withId("switched-off").provider(FaultyEvaluatorProvider.class)
        .writeTo(plugins());
    Files.writeString(plugins().resolve("disabled.txt"), "switched-off\n");

    try (PluginCatalog catalog = PluginDiscovery.discover(plugins())) {
      assertKernelProviders(catalog);
      assertEquals(List.of(), added(catalog));
      assertEquals(List.of(new Rejection("switched-off", jar.toAbsolutePath().toString(),
          "PF4J left it DISABLED")), catalog.rejections());
    }
  }

  /** A class big enough that a zip cut in half breaks inside compressed data. */
  private static String padding() {
    StringBuilder code = new StringBuilder("package com.example; public class Padding {\n");
    for (int i = 0; i < 200; i++) {
      code.append("  public static String s").append(i).append("() { return \"")
          .append(Integer.toHexString(i * 7919)).append("\"; }\n");
    }
    return code.append("}\n").toString();
  }

  private static void truncate(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
  }

  private static <T> T single(List<T> items) {
    assertEquals(1, items.size(), items.toString());
    return items.get(0);
  }

  /** The first attempt of trial {@code trialId}, seeded from the id. */
  private static TestEvaluationContext trial(String trialId) {
    return TestEvaluationContext.of(trialId, trialId.hashCode());
  }
}
