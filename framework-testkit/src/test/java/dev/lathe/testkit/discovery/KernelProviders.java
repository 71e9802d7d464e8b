package dev.lathe.testkit.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import dev.lathe.core.internal.catalog.PluginDiscovery;
import java.util.List;

/**
 * The providers that the kernel ships itself (its local executor, and its local and memory
 * result stores), which every catalog holds beside the plugins a test adds.
 */
final class KernelProviders {

  /** The kernel's own providers as {@code point id}, sorted. */
  static final List<String> KERNEL = List.of("executor local", "result-store local",
      "result-store memory");

  private KernelProviders() {}

  /**
   * Where the kernel's providers are listed from: its module when the kernel runs as a named
   * module, else the framework-core jar or classes folder on the class path.
   */
  static String kernelLocation() {
    Module kernel = PluginDiscovery.class.getModule();
    return kernel.isNamed() ? "built-in (module " + kernel.getName() + ")"
        : "built-in (class path "
            + PluginDiscovery.class.getProtectionDomain().getCodeSource().getLocation() + ")";
  }

  /**
   * Checks that {@code catalog} holds exactly the kernel's three providers, built in and listed
   * from the kernel's own module or jar, besides the entries that a test added.
   */
  static void assertKernelProviders(PluginCatalog catalog) {
    List<CatalogEntry> kernel = kernelEntries(catalog);
    assertEquals(KERNEL, kernel.stream().map(KernelProviders::describe).sorted().toList(),
        catalog.entries().toString());
    String location = kernelLocation();
    assertTrue(location.contains("framework-core") || location.contains("dev.lathe.core"),
        location);
    for (CatalogEntry entry : kernel) {
      assertFalse(entry.external(), entry.toString());
      assertEquals(location, entry.location(), entry.toString());
    }
  }

  /** The entries whose provider is the kernel's own code. */
  static List<CatalogEntry> kernelEntries(PluginCatalog catalog) {
    return catalog.entries().stream().filter(KernelProviders::fromKernel).toList();
  }

  /** The entries that do not come from the kernel itself, in catalog order. */
  static List<CatalogEntry> added(PluginCatalog catalog) {
    return catalog.entries().stream().filter(e -> !fromKernel(e)).toList();
  }

  /** The ids of {@link #added}, in catalog order. */
  static List<String> addedIds(PluginCatalog catalog) {
    return added(catalog).stream().map(CatalogEntry::id).toList();
  }

  private static boolean fromKernel(CatalogEntry entry) {
    Class<?> type = entry.provider().getClass();
    return type.getClassLoader() == PluginDiscovery.class.getClassLoader()
        && type.getName().startsWith("dev.lathe.core.");
  }

  private static String describe(CatalogEntry entry) {
    return entry.point().label() + " " + entry.id();
  }
}
