package dev.lathe.registry;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.LatheApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Plugin jars, keys and folder registries for the registry's tests. */
final class Fixtures {

  private Fixtures() {}

  /** A plugin jar with {@link SampleEvaluatorProvider} and the given manifest attributes. */
  static Path jar(Path folder, String id, String version, Map<String, String> attributes)
      throws IOException {
    Map<String, String> main = new LinkedHashMap<>();
    main.put("Plugin-Id", id);
    main.put("Plugin-Version", version);
    main.putAll(attributes);
    return jar(folder, id + "-" + version + ".jar", main, true);
  }

  /** A plugin jar of {@code id} {@code version} needing {@code dependencies} (may be null). */
  static Path jar(Path folder, String id, String version, String dependencies)
      throws IOException {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("Plugin-Requires", "[0.1,1.0)");
    if (dependencies != null) {
      attributes.put(PluginArchive.DEPENDENCIES, dependencies);
    }
    return jar(folder, id, version, attributes);
  }

  /** A jar with the main attributes {@code main}, and the sample provider if {@code provider}. */
  static Path jar(Path folder, String name, Map<String, String> main, boolean provider)
      throws IOException {
    Files.createDirectories(folder);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.forEach(manifest.getMainAttributes()::putValue);
    Path jar = folder.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      if (provider) {
        String entry = SampleEvaluatorProvider.class.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        try (InputStream in = SampleEvaluatorProvider.class.getResourceAsStream("/" + entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
        out.putNextEntry(new JarEntry("META-INF/services/"
            + ExtensionPoints.providerInterface(ExtensionPoint.EVALUATOR)));
        out.write((SampleEvaluatorProvider.class.getName() + "\n")
            .getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** A new key pair written as {@code name.key} and {@code name.pub} into {@code folder}. */
  static KeyPair keys(Path folder, String name) throws IOException {
    KeyPair keys = SigningKeys.generate();
    Files.createDirectories(folder);
    SigningKeys.writeSigningKey(keys, folder.resolve(name + ".key"));
    SigningKeys.writePublicKey(keys.getPublic(), folder.resolve(name + ".pub"));
    return keys;
  }

  /** Trust in exactly {@code keys}, kept in {@code folder}. */
  static TrustedKeys trust(Path folder, KeyPair... keys) throws IOException {
    TrustedKeys trusted = TrustedKeys.in(folder);
    int i = 0;
    for (KeyPair k : keys) {
      Path pub = Files.createTempFile("trusted" + i++, ".pub");
      SigningKeys.writePublicKey(k.getPublic(), pub);
      trusted.trust(pub);
      Files.delete(pub);
    }
    return TrustedKeys.in(folder);
  }

  /** The resolver of a fresh install over {@code registry} with nothing installed. */
  static Resolver.Resolution resolve(Registry registry, String... requests) {
    return new Resolver(registry.index(), registry.location().name(), Map.of(), Set.of(),
        LatheApi.VERSION, Set.of("random")).resolve(
            List.of(requests).stream().map(Resolver.Requirement::parse).toList());
  }
}
