package dev.lathe.core.internal.engine;

import dev.lathe.api.LatheApi;
import dev.lathe.api.Provenance;
import dev.lathe.api.spi.ParameterSpec;
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
import java.util.List;
import java.util.Map;

/** Builds the provenance of an experiment: plugins and settings, seeds, input hashes, platform. */
public final class Provenances {

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

  /** The JDK, OS, architecture, processors and tensor backend of this JVM. */
  public static Map<String, String> platform() {
    Map<String, String> p = new LinkedHashMap<>();
    for (String key : List.of("java.version", "java.vendor", "java.vm.name", "os.name",
        "os.version", "os.arch")) {
      p.put(key, System.getProperty(key, "?"));
    }
    p.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    p.put("max_heap_bytes", Long.toString(Runtime.getRuntime().maxMemory()));
    p.put("tensor_backend", "none");
    return p;
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
