package dev.lathe.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lathe.api.spi.PlatformInfoProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenancesTest {

  @Test
  void withoutProvidersTheTensorBackendIsNone() {
    Map<String, String> platform = Provenances.platform(List.of());
    assertEquals("none", platform.get("tensor_backend"));
    assertEquals(System.getProperty("java.version"), platform.get("java.version"));
  }

  @Test
  void theKernelOnItsOwnFindsNoProvider() {
    assertEquals("none", Provenances.platform().get("tensor_backend"));
  }

  @Test
  void providersAddTheirFactsAndTheFirstToReportAKeyKeepsIt() {
    PlatformInfoProvider backend = () -> Map.of("tensor_backend", "fake-cpu", "blas.threads", "3");
    PlatformInfoProvider later = () -> Map.of("tensor_backend", "other", "blas.vendor", "Acme");
    Map<String, String> platform = Provenances.platform(List.of(backend, later));
    assertEquals("fake-cpu", platform.get("tensor_backend"));
    assertEquals("3", platform.get("blas.threads"));
    assertEquals("Acme", platform.get("blas.vendor"));
  }

  @Test
  void providersNeverReplaceTheKernelsOwnKeys() {
    PlatformInfoProvider liar = () -> Map.of("os.arch", "pdp11", "processors", "1024");
    Map<String, String> platform = Provenances.platform(List.of(liar));
    assertEquals(System.getProperty("os.arch"), platform.get("os.arch"));
    assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()),
        platform.get("processors"));
  }

  @Test
  void aFailingProviderIsLeftOutAndTheOthersStillCount() {
    PlatformInfoProvider failing = () -> {
      throw new IllegalStateException("no native library");
    };
    PlatformInfoProvider nulls = () -> {
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("blas.vendor", null);
      facts.put("blas.version", "0.3");
      return facts;
    };
    PlatformInfoProvider absent = () -> null;
    Map<String, String> platform = Provenances.platform(List.of(failing, nulls, absent));
    assertEquals("none", platform.get("tensor_backend"));
    assertEquals("0.3", platform.get("blas.version"));
    assertFalse(platform.containsKey("blas.vendor"));
  }
}
