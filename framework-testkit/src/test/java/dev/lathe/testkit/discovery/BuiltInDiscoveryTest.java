package dev.lathe.testkit.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.LatheApi;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import dev.lathe.core.internal.catalog.PluginDiscovery;
import dev.lathe.core.internal.catalog.Rejection;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apiguardian.api.API;
import org.slf4j.Logger;

class BuiltInDiscoveryTest {

  @TempDir
  Path folder;

  @Test
  void providerOfANamedModuleIsBuiltInAndNamedAfterItsModule() throws Exception {
    Path sources = folder.resolve("src");
    Files.createDirectories(sources.resolve("com/example/builtin"));
    Files.writeString(sources.resolve("module-info.java"), """
        module com.example.builtin {
          requires dev.lathe.api;
          provides dev.lathe.api.spi.EvaluatorProvider with com.example.builtin.Third;
        }
        """);
    Files.writeString(sources.resolve("com/example/builtin/Third.java"),
        ThirdParty.SOURCE.replace("package com.example.third;", "package com.example.builtin;"));
    Path classes = folder.resolve("classes");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler().run(null, log, log, "-d",
        classes.toString(), "-proc:none", "-Xlint:none", "--module-path",
        String.join(File.pathSeparator,
            location(LatheApi.class), location(Logger.class), location(API.class)),
        sources.resolve("module-info.java").toString(),
        sources.resolve("com/example/builtin/Third.java").toString());
    assertEquals(0, status, log.toString());

    Configuration configuration = ModuleLayer.boot().configuration()
        .resolve(ModuleFinder.of(classes), ModuleFinder.of(), Set.of("com.example.builtin"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
        BuiltInDiscoveryTest.class.getClassLoader());

    try (PluginCatalog catalog =
             PluginDiscovery.discover(null, layer.findLoader("com.example.builtin"))) {
      assertEquals(List.of(), catalog.rejections());
      CatalogEntry entry = single(catalog.entries());
      assertEquals("squares", entry.id());
      assertFalse(entry.external());
      assertEquals("built-in (module com.example.builtin)", entry.location());
    }
  }

  @Test
  void builtInProviderWinsOverAnExternalDuplicate() throws Exception {
    Path builtInJar = ThirdParty.jar("builtin").writeTo(folder.resolve("class-path"));
    Path external = ThirdParty.jar("external").writeTo(folder.resolve("plugins"));

    try (URLClassLoader builtIns = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()},
             BuiltInDiscoveryTest.class.getClassLoader());
         PluginCatalog catalog = PluginDiscovery.discover(folder.resolve("plugins"), builtIns)) {
      CatalogEntry entry = single(catalog.entries());
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
      assertEquals("squares", single(catalog.entries()).id());
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
      assertEquals("squares", single(catalog.entries()).id());
      assertEquals(List.of(
          new Rejection("wrong-point", location, "provider com.example.Misfits$WrongPoint is"
              + " listed for extension point evaluator but its point() is optimizer"),
          new Rejection("misfits", location,
              "provider com.example.Misfits$NoInfo returns null from info()")),
          catalog.rejections());
    }
  }

  private static String location(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static CatalogEntry single(List<CatalogEntry> entries) {
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0);
  }
}
