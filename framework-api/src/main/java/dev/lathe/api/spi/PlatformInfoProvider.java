package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A source of facts about the platform that every experiment's provenance records beside the
 * JDK, the OS and the processors: the tensor backend, its device, the BLAS library and the
 * threads they use. Found by ServiceLoader on the module path ({@code provides}) and on the
 * class path ({@code META-INF/services}); it is not a plugin and takes no settings.
 *
 * <p>The kernel asks each provider when an experiment starts and again when it ends, and merges
 * the answers into {@link dev.lathe.api.Provenance#platform()}; the first provider to report a
 * key keeps it, and the kernel's own keys ({@code java.version}, {@code os.arch}, ...) are never
 * replaced. When no provider reports {@code tensor_backend} the kernel records {@code none}.
 * A provider reports a backend only once it is in use in this JVM, and asking must never start
 * it: experiments that do not touch a backend do not pay for starting one.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface PlatformInfoProvider {

  /**
   * The facts this provider knows, by key: lower-case words joined by underscores, grouped by
   * dots, e.g. {@code tensor_backend=nd4j-native}, {@code blas.vendor=OpenBLAS},
   * {@code blas.threads=2}. A backend that cannot start is reported as a fact (say so in the
   * value), not thrown.
   */
  Map<String, String> platformInfo();
}
