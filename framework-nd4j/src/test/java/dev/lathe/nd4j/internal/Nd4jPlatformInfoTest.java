package dev.lathe.nd4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.ExperimentResult;
import dev.lathe.core.Lathe;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Nd4jPlatformInfoTest {

  @Test
  void theProviderReportsTheBackend() {
    Map<String, String> facts = new Nd4jPlatformInfo().platformInfo();
    assertEquals("nd4j-native", facts.get("tensor_backend"));
    assertEquals("OpenBLAS", facts.get("blas.vendor"));
  }

  @Test
  void anExperimentRunWithTheModulePresentRecordsTheBackendInItsProvenance() {
    ExperimentResult result = Lathe.experiment()
        .space("branin").evaluator("branin").optimizer("random")
        .minimize("value").trials(2)
        .run();
    Map<String, String> platform = result.provenance().platform();
    assertEquals("nd4j-native", platform.get("tensor_backend"));
    assertEquals("1.0.0-M2.1", platform.get("tensor_backend.version"));
    assertEquals("CPU", platform.get("tensor_backend.device"));
    assertEquals("OpenBLAS", platform.get("blas.vendor"));
    assertEquals("0.3.19", platform.get("blas.version"));
    assertEquals("1", platform.get("blas.threads"));
    assertEquals(System.getProperty("java.version"), platform.get("java.version"));
  }
}
