package dev.lathe.plugin.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.spi.NetworkProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module's {@code provides} clause and its service file list the same five networks. */
class ServiceDeclarationsTest {

  private static final Module MODULE = ServiceDeclarationsTest.class.getModule();

  @Test
  void serviceFileListsExactlyTheProvidedNetworks() throws IOException {
    ModuleDescriptor descriptor = MODULE.getDescriptor();
    assertNotNull(descriptor, "tests must run on the module path");
    assertEquals("dev.lathe.plugin.zoo", descriptor.name());
    assertTrue(descriptor.exports().isEmpty(), "a plugin exports nothing");
    ModuleDescriptor.Provides provides = descriptor.provides().stream().findFirst().orElseThrow();
    assertEquals(1, descriptor.provides().size());
    assertEquals(NetworkProvider.class.getName(), provides.service());
    String name = "META-INF/services/" + provides.service();
    try (InputStream in = MODULE.getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name + " is missing");
      Set<String> listed = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines().map(String::trim).filter(l -> !l.isEmpty())
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(new TreeSet<>(provides.providers()), listed);
    }
  }

  @Test
  void serviceLoaderFindsTheFiveNetworks() {
    MODULE.addUses(NetworkProvider.class);
    Set<String> ids = ServiceLoader.load(NetworkProvider.class).stream()
        .map(p -> p.get().info().id()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("mobilenetv2", "mobilenetv3-large", "resnet18", "resnet50",
        "transformer-base"), ids);
  }
}
