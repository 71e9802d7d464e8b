package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One version of one plugin as a registry's index lists it.
 *
 * @param id the plugin's id, its archive's {@code Plugin-Id}
 * @param version the plugin's version, its archive's {@code Plugin-Version}
 * @param title a short human title
 * @param requires the Lathe API versions it works with
 * @param provides for each extension point it fills, the ids of its providers there
 * @param paper the arXiv id of the paper it implements, or empty
 * @param archive where its archive lies, relative to the index or an absolute URL
 * @param size the archive's length in bytes
 * @param sha256 the archive's SHA-256, 64 lower-case hex digits
 * @param dependencies the other plugins it needs, with the versions it accepts
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PluginRelease(
    String id,
    Version version,
    String title,
    VersionRange requires,
    Map<ExtensionPoint, List<String>> provides,
    Optional<String> paper,
    String archive,
    long size,
    String sha256,
    Map<String, VersionRange> dependencies) {

  /** The syntax of plugin ids, as {@code PluginInfo} has it; ids become file names. */
  static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /**
   * Checks the parts and copies the collections (extension points and dependencies sorted).
   *
   * @throws IllegalArgumentException if the id is malformed, the size negative or the SHA-256 not
   *     64 lower-case hex digits
   */
  public PluginRelease {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("plugin id '" + id
          + "' is malformed (lower-case letters and digits, words joined by '-')");
    }
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(requires, "requires");
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(archive, "archive");
    if (size < 0) {
      throw new IllegalArgumentException("plugin '" + id + "' " + version + ": negative size");
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("plugin '" + id + "' " + version
          + ": sha256 '" + sha256 + "' is not 64 lower-case hex digits");
    }
    Map<ExtensionPoint, List<String>> points = new TreeMap<>();
    provides.forEach((point, ids) -> points.put(point, List.copyOf(ids)));
    provides = Collections.unmodifiableMap(new LinkedHashMap<>(points));
    dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(dependencies)));
  }

  /** The ids of its providers, over every extension point. */
  public List<String> providerIds() {
    return provides.values().stream().flatMap(List::stream).distinct().toList();
  }

  /** The file name under which it is installed: {@code <id>-<version>.jar}. */
  public String fileName() {
    return id + "-" + version + ".jar";
  }

  @Override
  public String toString() {
    return id + " " + version;
  }
}
