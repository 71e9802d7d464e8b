package dev.lathe.nd4j.internal;

import dev.lathe.api.spi.PlatformInfoProvider;
import dev.lathe.nd4j.Nd4jRuntime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports ND4J's backend, BLAS and threads to the provenance of experiments that used ND4J
 * through this module; reports nothing, and never starts ND4J, in a JVM that has not. A backend
 * that cannot start is recorded as {@code tensor_backend=nd4j (unavailable: reason)}.
 */
public final class Nd4jPlatformInfo implements PlatformInfoProvider {

  private static final Logger LOG = LoggerFactory.getLogger(Nd4jPlatformInfo.class);

  /** Called by ServiceLoader. */
  public Nd4jPlatformInfo() {}

  @Override
  public Map<String, String> platformInfo() {
    if (!Nd4jAccess.used()) {
      return Map.of();
    }
    try {
      return Nd4jRuntime.platformInfo();
    } catch (RuntimeException | LinkageError e) {
      String reason = (e.getClass().getSimpleName() + ": " + e.getMessage())
          .replaceAll("\\s*\\R\\s*", " ");
      LOG.warn("ND4J cannot start, provenance records it as unavailable: {}", reason);
      LOG.debug("ND4J start-up failure", e);
      return Map.of("tensor_backend", "nd4j (unavailable: " + reason + ")");
    }
  }
}
