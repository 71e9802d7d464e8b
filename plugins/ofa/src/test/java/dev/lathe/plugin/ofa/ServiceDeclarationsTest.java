package dev.lathe.plugin.ofa;

import dev.lathe.api.spi.AcceleratorProvider;
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
    ServiceDeclarations.check(getClass().getModule(), "dev.lathe.plugin.ofa",
        NetworkProvider.class, SearchSpaceProvider.class, EvaluatorProvider.class,
        AcceleratorProvider.class, ReproductionProvider.class);
  }
}
