package dev.lathe.nd4j;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.nd4j.internal.Nd4jAccess;
import dev.lathe.nd4j.internal.StandardOutputRouting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apiguardian.api.API;
import org.bytedeco.javacpp.Loader;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ND4J backend of this JVM: what it runs on, and the SameDiff calls that Lathe makes quiet.
 * The thread count of the native backend and of its BLAS is fixed when ND4J starts, from the
 * environment variable {@code OMP_NUM_THREADS} (default: the number of cores).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Nd4jRuntime {

  static {
    Nd4jAccess.open();
  }

  /** SameDiff's own logger name, under which its prints to standard output are logged. */
  private static final Logger SAMEDIFF_LOG = LoggerFactory.getLogger(SameDiff.class);

  private Nd4jRuntime() {}

  /**
   * The backend's facts for provenance, starting ND4J if it has not started:
   * {@code tensor_backend} ({@code nd4j-native} on CPUs), {@code tensor_backend.version} (ND4J's),
   * {@code tensor_backend.class}, {@code tensor_backend.device}, {@code tensor_backend.threads},
   * {@code tensor_backend.natives} (the build of nd4j-native's natives that was loaded, named by
   * its Maven classifier: {@code linux-x86_64}, {@code linux-x86_64-onednn-avx2}, ...),
   * {@code tensor_backend.onednn} ({@code true} when that build has oneDNN),
   * {@code blas.vendor}, {@code blas.version} and {@code blas.threads}.
   */
  public static Map<String, String> platformInfo() {
    Environment environment = Nd4j.getEnvironment();
    Properties information = Nd4j.getExecutioner().getEnvironmentInformation();
    Blas blas = Nd4j.factory().blas();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("tensor_backend", environment.isCPU() ? "nd4j-native" : "nd4j-cuda");
    facts.put("tensor_backend.version", artifactVersion("org.nd4j", "nd4j-api"));
    facts.put("tensor_backend.class", Nd4j.getBackend().getClass().getName());
    facts.put("tensor_backend.device", String.valueOf(information.getOrDefault("backend", "?")));
    facts.put("tensor_backend.threads", Integer.toString(environment.maxThreads()));
    facts.put("tensor_backend.natives", nativesBuild(Loader.getLoadedLibraries().get("nd4jcpu")));
    facts.put("tensor_backend.onednn", Boolean.toString(NativeOpsHolder.getInstance()
        .getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN")));
    facts.put("blas.vendor", vendorName(blas.getBlasVendor()));
    facts.put("blas.version", blasVersion(blas.getBlasVendor(), environment));
    facts.put("blas.threads", Integer.toString(blas.getMaxThreads()));
    return facts;
  }

  /**
   * Creates {@code graph}'s gradient function for its loss variables (which must be set), with
   * the line that SameDiff prints to standard output for every differentiated op logged at DEBUG
   * under SameDiff's logger instead. Call it before the first {@code calculateGradients} or
   * {@code fit}; the training loop of {@code dev.lathe.nd4j.train} does.
   */
  public static void createGradFunction(SameDiff graph) {
    StandardOutputRouting.toLog(SAMEDIFF_LOG, () -> {
      graph.createGradFunction();
      return null;
    });
  }

  /**
   * The build of nd4j-native's natives that a loaded libnd4jcpu came from, named by its Maven
   * classifier: JavaCPP extracts it to {@code .../bindings/<classifier>/libnd4jcpu.so}. Unknown
   * when ND4J's CPU library is not loaded (a CUDA backend) or lies elsewhere.
   */
  static String nativesBuild(String libraryPath) {
    if (libraryPath == null) {
      return "unknown";
    }
    Path parent = Path.of(libraryPath).getParent();
    Path bindings = parent == null ? null : parent.getParent();
    if (bindings == null || bindings.getFileName() == null
        || !bindings.getFileName().toString().equals("bindings")) {
      return "unknown";
    }
    return parent.getFileName().toString();
  }

  private static String vendorName(Blas.Vendor vendor) {
    return switch (vendor) {
      case OPENBLAS -> "OpenBLAS";
      case MKL -> "MKL";
      case CUBLAS -> "cuBLAS";
      default -> vendor.name().toLowerCase(Locale.ROOT);
    };
  }

  /**
   * OpenBLAS's version from the JavaCPP preset that ND4J loads it from ({@code 0.3.19} of
   * {@code 0.3.19-1.5.7}); otherwise what the backend reports, or {@code unknown}.
   */
  private static String blasVersion(Blas.Vendor vendor, Environment environment) {
    if (vendor == Blas.Vendor.OPENBLAS) {
      String preset = artifactVersion("org.bytedeco", "openblas");
      if (!preset.equals("unknown")) {
        int dash = preset.indexOf('-');
        return dash < 0 ? preset : preset.substring(0, dash);
      }
    }
    int major = environment.blasMajorVersion();
    int minor = environment.blasMinorVersion();
    int patch = environment.blasPatchVersion();
    return major + minor + patch == 0 ? "unknown" : major + "." + minor + "." + patch;
  }

  /** The version in a jar's Maven {@code pom.properties} on ND4J's class path, or unknown. */
  private static String artifactVersion(String group, String artifact) {
    String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Nd4j.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties pom = new Properties();
      pom.load(in);
      return pom.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " of " + artifact, e);
    }
  }
}
