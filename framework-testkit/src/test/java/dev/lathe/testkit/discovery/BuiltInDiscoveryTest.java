package dev.lathe.testkit.discovery;

import static dev.lathe.testkit.discovery.KernelProviders.added;
import static dev.lathe.testkit.discovery.KernelProviders.assertKernelProviders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.core.Lathe;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import dev.lathe.core.internal.catalog.PluginDiscovery;
import dev.lathe.core.internal.catalog.Rejection;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInDiscoveryTest {

  @TempDir
  Path folder;

  /**
   * The module-path case, for real: the kernel and the API run as named modules in a layer of
   * their own (built from the jars of this test's class path), beside a plugin shipped as a
   * modular jar; the kernel finds the plugin's {@code provides} and names each built-in provider
   * after its module.
   */
  @Test
  void providerOfANamedModuleIsBuiltInAndNamedAfterItsModule() throws Exception {
    Path modular = ThirdParty.modularJar("builtin", "com.example.builtin")
        .writeTo(folder.resolve("modules"));
    ModuleFinder finder = ModuleFinder.compose(ModuleFinder.of(modular), classPathModules());
    Configuration configuration = ModuleLayer.boot().configuration().resolve(finder,
        ModuleFinder.of(), Set.of("dev.lathe.core", "com.example.builtin", "org.slf4j.simple"));
    ModuleLayer layer = ModuleLayer.defineModulesWithOneLoader(configuration,
        List.of(ModuleLayer.boot()), ClassLoader.getPlatformClassLoader()).layer();

    Class<?> lathe = layer.findLoader("dev.lathe.core").loadClass("dev.lathe.core.Lathe");
    assertEquals("dev.lathe.core", lathe.getModule().getName());
    assertNotSame(Lathe.class, lathe, "the layer has a kernel of its own");
    try (AutoCloseable kernel =
             (AutoCloseable) lathe.getMethod("open", Path.class).invoke(null, (Object) null)) {
      assertEquals(List.of(), lathe.getMethod("rejections").invoke(kernel));
      Map<String, String> found = new TreeMap<>();
      for (Object plugin : (List<?>) lathe.getMethod("plugins").invoke(kernel)) {
        assertEquals(false, component(plugin, "external"), plugin.toString());
        found.put(component(plugin, "id") + " " + component(plugin, "points"),
            (String) component(plugin, "location"));
      }
      assertEquals(Map.of(
              "local [RESULT_STORE, EXECUTOR]", "built-in (module dev.lathe.core)",
              "memory [RESULT_STORE]", "built-in (module dev.lathe.core)",
              "squares [EVALUATOR]", "built-in (module com.example.builtin)"),
          found);
    }
  }

  @Test
  void builtInProviderWinsOverAnExternalDuplicate() throws Exception {
    Path builtInJar = ThirdParty.jar("builtin").writeTo(folder.resolve("class-path"));
    Path external = ThirdParty.jar("external").writeTo(folder.resolve("plugins"));

    try (URLClassLoader builtIns = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()},
             BuiltInDiscoveryTest.class.getClassLoader());
         PluginCatalog catalog = PluginDiscovery.discover(folder.resolve("plugins"), builtIns)) {
      assertKernelProviders(catalog);
      CatalogEntry entry = single(added(catalog));
      assertFalse(entry.external());
      assertSame(builtIns, entry.provider().getClass().getClassLoader());
      String builtInLocation = "built-in (class path " + builtInJar.toUri().toURL() + ")";
      assertEquals(builtInLocation, entry.location());
      assertEquals(List.of(new Rejection("squares", external.toAbsolutePath().toString(),
              "duplicate evaluator id 'squares': " + builtInLocation + " provides it already")),
          catalog.rejections());
    }
  }

  @Test
  void builtInListingOfAMissingClassIsRejectedAndTheNextProviderLoads() throws Exception {
    Path builtInJar = ThirdParty.jar("builtin")
        .service(EvaluatorProvider.class, "com.example.Missing")
        .service(EvaluatorProvider.class, ThirdParty.CLASS)
        .writeTo(folder);

    try (URLClassLoader builtIns = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()},
             BuiltInDiscoveryTest.class.getClassLoader());
         PluginCatalog catalog = PluginDiscovery.discover(null, builtIns)) {
      assertKernelProviders(catalog);
      assertEquals("squares", single(added(catalog)).id());
      assertEquals(List.of(new Rejection("?", "built-in (class path)",
              "a provider listed in META-INF/services cannot be loaded: dev.lathe.api.spi"
                  + ".EvaluatorProvider: Provider com.example.Missing not found")),
          catalog.rejections());
    }
  }

  @Test
  void providersThatMisstateTheirPointOrInfoAreRejected() throws Exception {
    String misfits = """
        package com.example;

        import dev.lathe.api.ExtensionPoint;
        import dev.lathe.api.metric.Evaluator;
        import dev.lathe.api.spi.*;

        public final class Misfits {
          /** Listed as an evaluator provider, but claims to be an optimizer. */
          public static final class WrongPoint implements EvaluatorProvider {
            @Override public PluginInfo info() {
              return PluginInfo.of("wrong-point", "0.1.0", "Wrong point", "[0.1,)");
            }
            @Override public ExtensionPoint point() { return ExtensionPoint.OPTIMIZER; }
            @Override public Evaluator create(PluginContext context) {
              throw new IllegalStateException("never created");
            }
          }

          /** Returns no descriptor. */
          public static final class NoInfo implements EvaluatorProvider {
            @Override public PluginInfo info() { return null; }
            @Override public Evaluator create(PluginContext context) {
              throw new IllegalStateException("never created");
            }
          }
        }
        """;
    Path jar = ThirdParty.jar("misfits").source("com.example.Misfits", misfits)
        .service(EvaluatorProvider.class, "com.example.Misfits$WrongPoint")
        .service(EvaluatorProvider.class, "com.example.Misfits$NoInfo")
        .writeTo(folder.resolve("plugins"));
    String location = jar.toAbsolutePath().toString();

    try (PluginCatalog catalog = PluginDiscovery.discover(folder.resolve("plugins"))) {
      assertKernelProviders(catalog);
      assertEquals("squares", single(added(catalog)).id());
      assertEquals(List.of(
          new Rejection("wrong-point", location, "provider com.example.Misfits$WrongPoint is"
              + " listed for extension point evaluator but its point() is optimizer"),
          new Rejection("misfits", location,
              "provider com.example.Misfits$NoInfo returns null from info()")),
          catalog.rejections());
    }
  }

  /** The jars and folders of this test's class path, as a finder of (partly automatic) modules. */
  private static ModuleFinder classPathModules() {
    return ModuleFinder.of(Arrays.stream(
            System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).filter(Files::exists).toArray(Path[]::new));
  }

  /** The value of the record component {@code name} of {@code record}, read reflectively. */
  private static Object component(Object record, String name) throws Exception {
    return record.getClass().getMethod(name).invoke(record);
  }

  private static CatalogEntry single(List<CatalogEntry> entries) {
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0);
  }
}
