package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.VersionRange;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.PluginProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a folder registry: adds a plugin archive under {@code archives/<id>/}, lists it in
 * {@code index.json} and signs the index. The archive's providers are loaded (in a class loader
 * of their own) to read their ids, titles, papers and API ranges, so the index says exactly what
 * the kernel will find. The folder can then be served as it is by any static HTTP host.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Publisher {

  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

  private Publisher() {}

  /**
   * Publishes {@code archive} into the folder registry {@code registry} (created if missing) and
   * signs its index with {@code key}. Publishing the same archive again changes nothing but the
   * signature.
   *
   * @return the release as the index now lists it
   * @throws RegistryException of kind {@code PLUGIN} if the archive is not a plugin, its
   *     providers cannot describe themselves, or the same id and version is already published
   *     with other content; of kind {@code UNTRUSTED} if the folder's index is not signed by
   *     {@code key}; of kind {@code IO} if files cannot be written
   */
  public static PluginRelease publish(Path archive, Path registry, KeyPair key) {
    PluginArchive plugin = PluginArchive.read(archive);
    try {
      Map<ExtensionPoint, List<String>> provides = new LinkedHashMap<>();
      List<PluginInfo> infos = describe(plugin, provides);
      VersionRange requires = plugin.requires().orElseGet(() -> {
        Set<VersionRange> ranges = infos.stream().map(PluginInfo::requires)
            .collect(Collectors.toCollection(LinkedHashSet::new));
        if (ranges.size() != 1) {
          throw new RegistryException(RegistryException.Kind.PLUGIN, "archive " + archive
              + ": its providers need different API ranges " + ranges
              + "; state the plugin's own with the manifest attribute Plugin-Requires");
        }
        return ranges.iterator().next();
      });
      String title = plugin.description().orElse(infos.get(0).title());
      Optional<String> paper = infos.stream().map(PluginInfo::paper)
          .flatMap(Optional::stream).findFirst();
      String relative = "archives/" + plugin.id() + "/" + plugin.id() + "-" + plugin.version()
          + ".jar";
      PluginRelease release;
      try {
        release = new PluginRelease(plugin.id(), plugin.version(), title, requires, provides,
            paper, relative, Files.size(archive), PluginInstaller.sha256(archive),
            plugin.dependencies());
      } catch (IllegalArgumentException e) {
        throw new RegistryException(RegistryException.Kind.PLUGIN,
            "archive " + archive + ": " + e.getMessage(), e);
      }
      RegistryIndex index = existingIndex(registry, key);
      Path target = registry.resolve(relative);
      if (Files.exists(target)) {
        if (!PluginInstaller.sha256(target).equals(release.sha256())) {
          throw new RegistryException(RegistryException.Kind.PLUGIN, "registry " + registry
              + " already has plugin '" + plugin.id() + "' " + plugin.version()
              + " with other content; publish the change under a new version");
        }
      } else {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".publish", ".tmp");
        Files.copy(archive, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      }
      byte[] json = index.with(release).toJson();
      writeAtomically(registry.resolve(RegistryIndex.FILE_NAME), json);
      writeAtomically(registry.resolve(IndexSignature.FILE_NAME), IndexSignature.sign(json, key));
      LOG.debug("published {} into {}", release, registry);
      return release;
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Kind.IO,
          "cannot publish " + archive + " into " + registry + ": " + e, e);
    }
  }

  /** The folder's current index, checked to be signed by {@code key}; empty if there is none. */
  private static RegistryIndex existingIndex(Path registry, KeyPair key) throws IOException {
    Path indexFile = registry.resolve(RegistryIndex.FILE_NAME);
    if (!Files.exists(indexFile)) {
      return new RegistryIndex(List.of());
    }
    byte[] json = Files.readAllBytes(indexFile);
    Path signature = registry.resolve(IndexSignature.FILE_NAME);
    if (!Files.exists(signature)) {
      throw new RegistryException(RegistryException.Kind.UNTRUSTED, "registry " + registry
          + ": its index is unsigned; publishing would sign what nobody signed before");
    }
    IndexSignature.verify(json, Files.readAllBytes(signature), TrustedKeys.only(key.getPublic()),
        "registry " + registry);
    return RegistryIndex.parse(json, indexFile.toString());
  }

  /** Loads the archive's providers and reads their descriptors, filling {@code provides}. */
  private static List<PluginInfo> describe(PluginArchive plugin,
      Map<ExtensionPoint, List<String>> provides) throws IOException {
    List<PluginInfo> infos = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin.file().toUri().toURL()},
        Publisher.class.getClassLoader())) {
      for (Map.Entry<ExtensionPoint, List<String>> entry : plugin.providerClasses().entrySet()) {
        for (String className : entry.getValue()) {
          PluginInfo info;
          try {
            PluginProvider provider = (PluginProvider) Class.forName(className, true, loader)
                .getDeclaredConstructor().newInstance();
            info = provider.info();
          } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new RegistryException(RegistryException.Kind.PLUGIN, "archive "
                + plugin.file() + ": provider " + className + " cannot describe itself: " + e, e);
          }
          provides.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(info.id());
          infos.add(info);
        }
      }
    }
    return infos;
  }

  private static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), ".publish", ".tmp");
    Files.write(temporary, bytes);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
