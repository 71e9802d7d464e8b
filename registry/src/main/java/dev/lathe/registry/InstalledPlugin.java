package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A plugin installed from a registry, as recorded at install time in the plugins directory's
 * {@value PluginInstaller#RECORD_FILE}.
 *
 * @param id the plugin's id
 * @param version its version
 * @param file its jar's file name in the plugins directory
 * @param size the jar's length in bytes at install
 * @param sha256 the jar's SHA-256 at install
 * @param registry the registry it came from
 * @param provides its providers per extension point
 * @param dependencies the plugins it needs, with ranges
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InstalledPlugin(
    String id,
    Version version,
    String file,
    long size,
    String sha256,
    String registry,
    Map<ExtensionPoint, List<String>> provides,
    Map<String, VersionRange> dependencies) {

  /** Checks the parts and copies the collections. */
  public InstalledPlugin {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(registry, "registry");
    provides = Map.copyOf(provides);
    dependencies = Map.copyOf(dependencies);
  }

  /** The record of {@code release} installed as {@code file} from {@code registry}. */
  static InstalledPlugin of(PluginRelease release, String registry) {
    return new InstalledPlugin(release.id(), release.version(), release.fileName(),
        release.size(), release.sha256(), registry, release.provides(), release.dependencies());
  }

  @Override
  public String toString() {
    return id + " " + version;
  }
}
