package dev.lathe.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.nd4j.train.Models;
import dev.lathe.nd4j.train.TrainableModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Nd4jRuntimeTest {

  @Test
  void testsRunInTheNamedModuleAsAPluginUsesIt() {
    Module module = Nd4jRuntime.class.getModule();
    assertTrue(module.isNamed());
    assertEquals("dev.lathe.nd4j", module.getName());
    assertFalse(org.nd4j.linalg.factory.Nd4j.class.getModule().isNamed(),
        "ND4J must be on the class path");
  }

  @Test
  void platformInfoNamesTheNativeBackendOpenBlasAndOneThread() {
    Map<String, String> facts = Nd4jRuntime.platformInfo();
    assertEquals("nd4j-native", facts.get("tensor_backend"));
    assertEquals("1.0.0-M2.1", facts.get("tensor_backend.version"));
    assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", facts.get("tensor_backend.class"));
    assertEquals("CPU", facts.get("tensor_backend.device"));
    // the tests run on the default natives (this module's pom), which have no oneDNN
    assertEquals("linux-x86_64", facts.get("tensor_backend.natives"));
    assertEquals("false", facts.get("tensor_backend.onednn"));
    assertEquals("OpenBLAS", facts.get("blas.vendor"));
    assertEquals("0.3.19", facts.get("blas.version"));
    // surefire starts this JVM with OMP_NUM_THREADS=1
    assertEquals("1", facts.get("tensor_backend.threads"));
    assertEquals("1", facts.get("blas.threads"));
  }

  @Test
  void theNativesBuildIsTheClassifierFolderThatJavaCppExtractedLibNd4jCpuTo() {
    String bindings = "/home/u/.javacpp/cache/nd4j-native-1.0.0-M2.1-linux-x86_64-onednn-avx2.jar"
        + "/org/nd4j/linalg/cpu/nativecpu/bindings/";
    assertEquals("linux-x86_64-onednn-avx2",
        Nd4jRuntime.nativesBuild(bindings + "linux-x86_64-onednn-avx2/libnd4jcpu.so"));
    assertEquals("linux-x86_64", Nd4jRuntime.nativesBuild(bindings + "linux-x86_64/libnd4jcpu.so"));
    assertEquals("unknown", Nd4jRuntime.nativesBuild("/usr/lib/libnd4jcpu.so"));
    assertEquals("unknown", Nd4jRuntime.nativesBuild("libnd4jcpu.so"));
    assertEquals("unknown", Nd4jRuntime.nativesBuild("/x/libnd4jcpu.so"));
    assertEquals("unknown", Nd4jRuntime.nativesBuild(null));
  }

  @Test
  void creatingTheGradFunctionPrintsNothing() {
    TrainableModel model = Models.mlp(4, List.of(3), 2, 1);
    model.graph().setLossVariables(model.loss());
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, Charset.defaultCharset()));
    try {
      Nd4jRuntime.createGradFunction(model.graph());
    } finally {
      System.setOut(original);
    }
    assertEquals("", captured.toString(Charset.defaultCharset()));
    assertTrue(model.graph().getFunction("grad") != null, "the gradient function exists");
  }
}
