package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.spi.PluginProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The check that a plugin module declares its providers as the kernel finds them both ways: it
 * is a named module that exports nothing, its {@code provides} clauses name exactly the expected
 * provider interfaces, and each {@code META-INF/services} file (which PF4J and the class path
 * read) lists exactly the classes its {@code provides} clause names.
 *
 * <pre>{@code
 * @Test void servicesAreDeclaredBothWays() {
 *   ServiceDeclarations.check(getClass().getModule(), "dev.lathe.plugin.mine",
 *       NetworkProvider.class, ReproductionProvider.class);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ServiceDeclarations {

  private ServiceDeclarations() {}

  /**
   * Checks {@code module}, which must be named {@code name}, against the provider interfaces it
   * should provide.
   */
  @SafeVarargs
  public static void check(Module module, String name,
      Class<? extends PluginProvider>... services) {
    ModuleDescriptor descriptor = module.getDescriptor();
    assertNotNull(descriptor, "the tests must run on the module path");
    assertEquals(name, descriptor.name());
    assertTrue(descriptor.exports().isEmpty(), name + " exports " + descriptor.exports()
        + "; a plugin exports nothing");
    Set<String> expected = Arrays.stream(services).map(Class::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> provided = descriptor.provides().stream().map(ModuleDescriptor.Provides::service)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, provided, name + " provides other services than expected");
    for (ModuleDescriptor.Provides provides : descriptor.provides()) {
      String file = "META-INF/services/" + provides.service();
      assertEquals(new TreeSet<>(provides.providers()), listed(module, file),
          file + " lists other classes than the provides clause of " + name);
    }
  }

  private static Set<String> listed(Module module, String file) {
    try (InputStream in = module.getClassLoader().getResourceAsStream(file)) {
      assertNotNull(in, file + " is missing");
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
  }
}
