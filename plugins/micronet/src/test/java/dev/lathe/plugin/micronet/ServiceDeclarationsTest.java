package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module's {@code provides} clauses and its service files name the same providers. */
class ServiceDeclarationsTest {

  private static final Module MODULE = ServiceDeclarationsTest.class.getModule();

  @Test
  void serviceFilesListExactlyTheProvidedProviders() throws IOException {
    ModuleDescriptor descriptor = MODULE.getDescriptor();
    assertNotNull(descriptor, "tests must run on the module path");
    assertEquals("dev.lathe.plugin.micronet", descriptor.name());
    assertTrue(descriptor.exports().isEmpty(), "a plugin exports nothing");
    assertEquals(Set.of("dev.lathe.api.spi.NetworkProvider",
        "dev.lathe.api.spi.CompressorProvider", "dev.lathe.api.spi.ReproductionProvider",
        "dev.lathe.api.spi.EvaluatorProvider"),
        descriptor.provides().stream()
        .map(ModuleDescriptor.Provides::service).collect(Collectors.toSet()));
    for (ModuleDescriptor.Provides provides : descriptor.provides()) {
      String name = "META-INF/services/" + provides.service();
      try (InputStream in = MODULE.getClassLoader().getResourceAsStream(name)) {
        assertNotNull(in, name + " is missing");
        Set<String> listed = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.UTF_8)).lines().map(String::trim).filter(l -> !l.isEmpty())
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(provides.providers()), listed);
      }
    }
  }
}
