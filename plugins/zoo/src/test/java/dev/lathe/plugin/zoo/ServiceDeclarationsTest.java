package dev.lathe.plugin.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.testkit.tck.ServiceDeclarations;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module's {@code provides} clause and its service file list the same five networks. */
class ServiceDeclarationsTest {

  @Test
  void serviceFileListsExactlyTheProvidedNetworks() {
    ServiceDeclarations.check(getClass().getModule(), "dev.lathe.plugin.zoo",
        NetworkProvider.class);
  }

  @Test
  void serviceLoaderFindsTheFiveNetworks() {
    getClass().getModule().addUses(NetworkProvider.class);
    Set<String> ids = ServiceLoader.load(NetworkProvider.class).stream()
        .map(p -> p.get().info().id()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("mobilenetv2", "mobilenetv3-large", "resnet18", "resnet50",
        "transformer-base"), ids);
  }
}
