package dev.lathe.testkit.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.testkit.fixtures.FaultyEvaluatorProvider;
import dev.lathe.testkit.fixtures.NeedsNewerApiEvaluatorProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarTest {

  private static final String SERVICES =
      "META-INF/services/" + EvaluatorProvider.class.getName();

  @TempDir
  Path folder;

  @Test
  void writesManifestClassesAndServices() throws IOException {
    Path jar = PluginJar.withId("faulty-plugin").version("1.2.0").requires("[0.1,1.0)")
        .description("fails on purpose").provider(FaultyEvaluatorProvider.class)
        .writeTo(folder.resolve("plugins"));

    assertEquals(folder.resolve("plugins/faulty-plugin-1.2.0.jar"), jar);
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes main = file.getManifest().getMainAttributes();
      assertEquals("faulty-plugin", main.getValue("Plugin-Id"));
      assertEquals("1.2.0", main.getValue("Plugin-Version"));
      assertEquals("[0.1,1.0)", main.getValue("Plugin-Requires"));
      assertEquals("fails on purpose", main.getValue("Plugin-Description"));
      assertEquals(List.of(
              "META-INF/MANIFEST.MF",
              SERVICES,
              "dev/lathe/testkit/fixtures/FaultyEvaluatorProvider$Faulty.class",
              "dev/lathe/testkit/fixtures/FaultyEvaluatorProvider.class"),
          file.stream().map(ZipEntry::getName).sorted().toList());
      assertEquals(FaultyEvaluatorProvider.class.getName() + "\n", read(file, SERVICES));
    }
  }

  @Test
  void leavesOutPluginRequiresUnlessSet() throws IOException {
    Path jar = PluginJar.withId("plain").provider(FaultyEvaluatorProvider.class).writeTo(folder);
    try (JarFile file = new JarFile(jar.toFile())) {
      assertNull(file.getManifest().getMainAttributes().getValue("Plugin-Requires"));
      assertEquals("0.1.0", file.getManifest().getMainAttributes().getValue("Plugin-Version"));
    }
  }

  @Test
  void copiesAnonymousClassesOfTheProvider() throws IOException {
    Path jar = PluginJar.withId("newer").provider(NeedsNewerApiEvaluatorProvider.class)
        .writeTo(folder);
    try (JarFile file = new JarFile(jar.toFile())) {
      assertTrue(file.getEntry(
          "dev/lathe/testkit/fixtures/NeedsNewerApiEvaluatorProvider$1.class") != null);
    }
  }

  @Test
  void refusesAClassThatImplementsNoProviderInterface() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PluginJar.withId("x").provider(BareProvider.class));
    assertTrue(e.getMessage().contains("implements no provider interface"), e.getMessage());
  }

  @Test
  void compilesSourcesAgainstTheApi() throws IOException {
    Path jar = PluginJar.withId("compiled").requires("[0.1,)")
        .source("com.example.Hello", """
            package com.example;
            public final class Hello {
              public static String greet() { return dev.lathe.api.LatheApi.VERSION.toString(); }
              private static final class Inner {}
            }
            """)
        .writeTo(folder);
    try (JarFile file = new JarFile(jar.toFile())) {
      assertTrue(file.getEntry("com/example/Hello.class") != null);
      assertTrue(file.getEntry("com/example/Hello$Inner.class") != null);
    }
  }

  @Test
  void moduleDeclarationMakesAModularJarCompiledOnTheModulePath() throws IOException {
    Path jar = PluginJar.withId("modular")
        .source(PluginJar.MODULE_INFO, """
            module com.example.modular {
              requires dev.lathe.api;
              exports com.example.modular;
            }
            """)
        .source("com.example.modular.Hello", """
            package com.example.modular;
            public final class Hello {
              public static String greet() { return dev.lathe.api.LatheApi.VERSION.toString(); }
            }
            """)
        .writeTo(folder);
    ModuleDescriptor descriptor = ModuleFinder.of(jar).find("com.example.modular").orElseThrow()
        .descriptor();
    assertFalse(descriptor.isAutomatic());
    assertEquals(Set.of("com.example.modular"), descriptor.packages());
    assertTrue(descriptor.requires().stream().anyMatch(r -> r.name().equals("dev.lathe.api")),
        descriptor.requires().toString());
  }

  @Test
  void moduleDeclarationThatRequiresAnUnknownModuleDoesNotCompile() {
    PluginJar broken = PluginJar.withId("unknown-module")
        .source(PluginJar.MODULE_INFO, "module com.example.broken { requires dev.lathe.core; }");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> broken.writeTo(folder));
    assertTrue(e.getMessage().contains("module-info.java:1: module not found: dev.lathe.core"),
        e.getMessage());
  }

  @Test
  void reportsCompileErrorsWithTheLine() {
    PluginJar broken = PluginJar.withId("broken")
        .source("com.example.Broken", "package com.example;\nclass Broken { int x = \"text\"; }\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> broken.writeTo(folder));
    assertTrue(e.getMessage().startsWith("plugin 'broken': sources do not compile: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("com/example/Broken.java:2: incompatible types"),
        e.getMessage());
  }

  @Test
  void writesPf4jZipLayout() throws IOException {
    Path zip = PluginJar.withId("zipped").provider(FaultyEvaluatorProvider.class)
        .writeZipTo(folder);
    assertEquals("zipped-0.1.0.zip", zip.getFileName().toString());
    try (ZipFile file = new ZipFile(zip.toFile())) {
      assertEquals(List.of(
              "classes/META-INF/MANIFEST.MF",
              "classes/" + SERVICES,
              "classes/dev/lathe/testkit/fixtures/FaultyEvaluatorProvider$Faulty.class",
              "classes/dev/lathe/testkit/fixtures/FaultyEvaluatorProvider.class"),
          file.stream().map(ZipEntry::getName).sorted().toList());
      assertTrue(read(file, "classes/META-INF/MANIFEST.MF").contains("Plugin-Id: zipped"));
    }
  }

  private static String read(ZipFile file, String entry) throws IOException {
    try (InputStream in = file.getInputStream(file.getEntry(entry))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A provider that fills no extension point. */
  public static final class BareProvider implements PluginProvider {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("bare", "0.1.0", "Bare", "[0.1,)");
    }

    @Override
    public ExtensionPoint point() {
      return ExtensionPoint.EVALUATOR;
    }
  }
}
