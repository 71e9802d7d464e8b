package dev.lathe.core.internal.engine;

import dev.lathe.api.LatheApi;
import dev.lathe.api.Provenance;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PlatformInfoProvider;
import dev.lathe.core.internal.config.Component;
import dev.lathe.core.internal.config.ExperimentConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the provenance of an experiment: plugins and settings, seeds, input hashes, platform. */
public final class Provenances {

  private static final Logger LOG = LoggerFactory.getLogger(Provenances.class);

  private Provenances() {}

  /** The provenance of running {@code config} on this JVM. */
  public static Provenance of(ExperimentConfig config) {
    List<Provenance.PluginUse> plugins = new ArrayList<>();
    Map<String, Long> seeds = new LinkedHashMap<>();
    Map<String, String> inputs = new LinkedHashMap<>();
    seeds.put("experiment", config.seed());
    if (config.source() != null && Files.isRegularFile(config.source())) {
      inputs.put(config.source().toString(), sha256(config.source()));
    }
    for (Component c : config.components()) {
      plugins.add(new Provenance.PluginUse(c.role(), c.entry().point(), c.plugin(),
          c.entry().info().version().toString(), c.entry().location(), c.settings().asMap()));
      seeds.put(c.role(), ExperimentPlan.seedOf(config, c.role()));
      for (ParameterSpec p : c.settings().specs().values()) {
        if (p.type() == ParameterSpec.Type.PATH && c.settings().has(p.name())) {
          Path file = c.settings().getPath(p.name());
          if (Files.isRegularFile(file)) {
            inputs.put(file.toString(), sha256(file));
          }
        }
      }
    }
    return new Provenance(config.name(), LatheApi.VERSION.toString(), plugins, seeds, inputs,
        platform());
  }

  /**
   * The JDK, OS, architecture and processors of this JVM, and what the {@link
   * PlatformInfoProvider}s visible to the kernel's class loader report (tensor backend, BLAS,
   * threads); {@code tensor_backend} is {@code none} when none reports it.
   */
  public static Map<String, String> platform() {
    return platform(ServiceLoader.load(PlatformInfoProvider.class,
        Provenances.class.getClassLoader()));
  }

  /**
   * The JDK, OS, architecture and processors of this JVM, and what {@code providers} report. The
   * first provider to report a key keeps it and the kernel's own keys are never replaced; a
   * provider that cannot be loaded or fails is logged at WARN and left out.
   */
  static Map<String, String> platform(Iterable<PlatformInfoProvider> providers) {
    Map<String, String> p = new LinkedHashMap<>();
    for (String key : List.of("java.version", "java.vendor", "java.vm.name", "os.name",
        "os.version", "os.arch")) {
      p.put(key, System.getProperty(key, "?"));
    }
    p.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    p.put("max_heap_bytes", Long.toString(Runtime.getRuntime().maxMemory()));
    Map<String, String> own = Map.copyOf(p);
    Iterator<PlatformInfoProvider> found = providers.iterator();
    while (true) {
      PlatformInfoProvider provider;
      try {
        if (!found.hasNext()) {
          break;
        }
        provider = found.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        LOG.warn("a platform-info provider cannot be loaded: {}", e.toString());
        continue;
      }
      addFacts(p, own, provider);
    }
    p.putIfAbsent("tensor_backend", "none");
    return p;
  }

  private static void addFacts(Map<String, String> platform, Map<String, String> own,
      PlatformInfoProvider provider) {
    String name = provider.getClass().getName();
    Map<String, String> facts;
    try {
      facts = provider.platformInfo();
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("platform-info provider {} failed, its facts are left out: {}", name, e.toString());
      return;
    }
    if (facts == null) {
      LOG.warn("platform-info provider {} returned null, it is left out", name);
      return;
    }
    facts.forEach((key, value) -> {
      if (key == null || value == null) {
        LOG.warn("platform-info provider {} reported a null key or value, left out", name);
      } else if (own.containsKey(key)) {
        LOG.warn("platform-info provider {} reported '{}', a key the kernel keeps", name, key);
      } else if (platform.containsKey(key)) {
        LOG.warn("platform-info provider {} reported '{}', which an earlier provider reported;"
            + " the first value is kept", name, key);
      } else {
        platform.put(key, value);
      }
    });
  }

  /** The SHA-256 of a file's bytes, in hexadecimal. */
  public static String sha256(Path file) {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
