package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apiguardian.api.API;

/**
 * What a plugin archive (a PF4J plugin jar) says about itself: the main attributes of its
 * manifest and the providers it lists in {@code META-INF/services}. Reading it reads every
 * entry, so a truncated or corrupt jar is found here.
 *
 * @param file the jar
 * @param id its {@code Plugin-Id}
 * @param version its {@code Plugin-Version}
 * @param requires its {@code Plugin-Requires}, if present
 * @param description its {@code Plugin-Description}, if present
 * @param dependencies its {@value #DEPENDENCIES}: the other plugins it needs, with ranges
 * @param providerClasses the classes listed per extension point in {@code META-INF/services}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PluginArchive(
    Path file,
    String id,
    Version version,
    Optional<VersionRange> requires,
    Optional<String> description,
    Map<String, VersionRange> dependencies,
    Map<ExtensionPoint, List<String>> providerClasses) {

  /**
   * The manifest attribute that lists the plugins a plugin needs, separated by spaces, each
   * {@code id} or {@code id@range}: {@code Lathe-Plugin-Dependencies: sphere-space@[1.0,2.0)}.
   * (PF4J's {@code Plugin-Dependencies} is refused by the kernel: plugins share no classes; a
   * registry dependency only installs the other plugin beside this one.)
   */
  public static final String DEPENDENCIES = "Lathe-Plugin-Dependencies";

  /** Copies the collections. */
  public PluginArchive {
    dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    providerClasses = Collections.unmodifiableMap(new TreeMap<>(providerClasses));
  }

  /**
   * Reads the plugin jar {@code file}.
   *
   * @throws RegistryException of kind {@code PLUGIN} naming the file and what is wrong if it is
   *     not a jar, cannot be read in full, lacks {@code Plugin-Id} or {@code Plugin-Version}, has
   *     a malformed attribute, or lists no provider of a Lathe extension point
   */
  public static PluginArchive read(Path file) {
    try (JarFile jar = new JarFile(file.toFile(), false)) {
      Manifest manifest = jar.getManifest();
      Map<ExtensionPoint, List<String>> providers = new TreeMap<>();
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        // reading every entry to its end checks that the jar is whole
        JarEntry entry = entries.nextElement();
        try (InputStream in = jar.getInputStream(entry)) {
          if (entry.getName().startsWith("META-INF/services/")) {
            String service = entry.getName().substring("META-INF/services/".length());
            Optional<ExtensionPoint> point = ExtensionPoints.fromProviderInterface(service);
            if (point.isPresent()) {
              List<String> classes = new ArrayList<>();
              new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                  .map(line -> line.replaceAll("#.*", "").trim())
                  .filter(line -> !line.isEmpty()).forEach(classes::add);
              if (!classes.isEmpty()) {
                providers.put(point.get(), classes);
              }
              continue;
            }
          }
          in.transferTo(OutputStream.nullOutputStream());
        }
      }
      if (manifest == null) {
        throw notAPlugin(file, "it has no META-INF/MANIFEST.MF");
      }
      Attributes main = manifest.getMainAttributes();
      String id = attribute(main, "Plugin-Id", file);
      Version version = parse(file, "Plugin-Version",
          () -> Version.parse(attribute(main, "Plugin-Version", file)));
      Optional<VersionRange> requires = Optional.ofNullable(main.getValue("Plugin-Requires"))
          .map(text -> parse(file, "Plugin-Requires", () -> VersionRange.parse(text)));
      Map<String, VersionRange> dependencies = parse(file, DEPENDENCIES,
          () -> parseDependencies(main.getValue(DEPENDENCIES)));
      if (providers.isEmpty()) {
        throw notAPlugin(file, "it lists no provider of a Lathe extension point in "
            + "META-INF/services");
      }
      return new PluginArchive(file, id, version, requires,
          Optional.ofNullable(main.getValue("Plugin-Description")), dependencies, providers);
    } catch (IOException | SecurityException e) {
      throw notAPlugin(file, "not a readable jar (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }

  /** The extension points it fills. */
  public List<ExtensionPoint> points() {
    return List.copyOf(providerClasses.keySet());
  }

  /**
   * Parses the value of {@value #DEPENDENCIES}: {@code id} or {@code id@range}, separated by
   * spaces; {@code null} or blank is none.
   *
   * @throws IllegalArgumentException if an item names no plugin or has a malformed range
   */
  public static Map<String, VersionRange> parseDependencies(String text) {
    Map<String, VersionRange> dependencies = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return dependencies;
    }
    for (String item : text.trim().split("\\s+")) {
      int at = item.indexOf('@');
      String id = at < 0 ? item : item.substring(0, at);
      if (id.isEmpty()) {
        throw new IllegalArgumentException("'" + item + "' names no plugin");
      }
      dependencies.put(id, at < 0 ? VersionRange.ANY : VersionRange.parse(item.substring(at + 1)));
    }
    return dependencies;
  }

  private static String attribute(Attributes main, String name, Path file) {
    String value = main.getValue(name);
    if (value == null || value.isBlank()) {
      throw notAPlugin(file, "its manifest has no " + name);
    }
    return value.trim();
  }

  private static <T> T parse(Path file, String attribute, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new RegistryException(RegistryException.Kind.PLUGIN,
          "archive " + file + ": manifest attribute " + attribute + ": " + e.getMessage());
    }
  }

  private static RegistryException notAPlugin(Path file, String why) {
    return new RegistryException(RegistryException.Kind.PLUGIN,
        "archive " + file + " is not a Lathe plugin: " + why);
  }
}
