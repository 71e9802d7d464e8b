package dev.lathe.plugin.micronet;

import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.ServiceDeclarations;
import org.junit.jupiter.api.Test;

/** The module's {@code provides} clauses and its service files name the same providers. */
class ServiceDeclarationsTest {

  @Test
  void serviceFilesListExactlyTheProvidedProviders() {
    ServiceDeclarations.check(getClass().getModule(), "dev.lathe.plugin.micronet",
        NetworkProvider.class, CompressorProvider.class, ReproductionProvider.class,
        EvaluatorProvider.class, SearchSpaceProvider.class);
  }
}
