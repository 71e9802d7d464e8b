package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * A registry's index: every published version of every plugin, read from and written to
 * {@value #FILE_NAME} (JSON, format {@value #FORMAT}). Releases are kept sorted by id, then
 * version, so that the same releases always give the same bytes (and the same signature).
 *
 * <pre>{@code
 * {"format": 1,
 *  "plugins": [{"id": "sphere", "versions": [{"version": "1.0.0", "title": "...",
 *     "requires": "[0.1,1.0)", "extension_points": {"evaluator": ["sphere"]},
 *     "paper": null, "archive": "archives/sphere/sphere-1.0.0.jar", "size": 4096,
 *     "sha256": "...", "dependencies": {"other": "[1.0,2.0)"}}]}]}
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RegistryIndex {

  /** The index's file name in a registry. */
  public static final String FILE_NAME = "index.json";

  /** The format version this code reads and writes. */
  public static final int FORMAT = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<PluginRelease> releases;

  /**
   * An index of {@code releases}.
   *
   * @throws IllegalArgumentException if one id and version appears twice
   */
  public RegistryIndex(List<PluginRelease> releases) {
    List<PluginRelease> sorted = new ArrayList<>(releases);
    sorted.sort(Comparator.comparing(PluginRelease::id).thenComparing(PluginRelease::version));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())
          && sorted.get(i).version().equals(sorted.get(i - 1).version())) {
        throw new IllegalArgumentException("plugin '" + sorted.get(i).id() + "' version "
            + sorted.get(i).version() + " is listed twice");
      }
    }
    this.releases = List.copyOf(sorted);
  }

  /** Every release, sorted by id, then version. */
  public List<PluginRelease> releases() {
    return releases;
  }

  /** The ids of the plugins listed, sorted. */
  public List<String> ids() {
    return List.copyOf(new TreeSet<>(releases.stream().map(PluginRelease::id).toList()));
  }

  /** The releases of plugin {@code id}, newest first; empty if it is not listed. */
  public List<PluginRelease> versions(String id) {
    List<PluginRelease> found = new ArrayList<>(
        releases.stream().filter(r -> r.id().equals(id)).toList());
    found.sort(Comparator.comparing(PluginRelease::version).reversed());
    return found;
  }

  /** The release of {@code id} at {@code version}, if listed. */
  public Optional<PluginRelease> find(String id, Version version) {
    return releases.stream()
        .filter(r -> r.id().equals(id) && r.version().equals(version)).findFirst();
  }

  /** This index with {@code release} added, replacing a release of the same id and version. */
  public RegistryIndex with(PluginRelease release) {
    List<PluginRelease> next = new ArrayList<>(releases.stream()
        .filter(r -> !(r.id().equals(release.id()) && r.version().equals(release.version())))
        .toList());
    next.add(release);
    return new RegistryIndex(next);
  }

  /** The index as the UTF-8 JSON bytes of {@value #FILE_NAME}. */
  public byte[] toJson() {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format", FORMAT);
    ArrayNode plugins = doc.putArray("plugins");
    for (String id : ids()) {
      ObjectNode plugin = plugins.addObject();
      plugin.put("id", id);
      ArrayNode versions = plugin.putArray("versions");
      for (PluginRelease r : releases) {
        if (r.id().equals(id)) {
          versions.add(toJson(r));
        }
      }
    }
    try {
      return (JSON.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the index: " + e.getMessage(), e);
    }
  }

  /** One release as the index writes it, without its id. */
  static ObjectNode toJson(PluginRelease r) {
    ObjectNode v = JSON.createObjectNode();
    v.put("version", r.version().toString());
    v.put("title", r.title());
    v.put("requires", r.requires().toString());
    ObjectNode points = v.putObject("extension_points");
    r.provides().forEach((point, ids) -> {
      ArrayNode list = points.putArray(point.label());
      ids.forEach(list::add);
    });
    v.put("paper", r.paper().orElse(null));
    v.put("archive", r.archive());
    v.put("size", r.size());
    v.put("sha256", r.sha256());
    ObjectNode dependencies = v.putObject("dependencies");
    r.dependencies().forEach((id, range) -> dependencies.put(id, range.toString()));
    return v;
  }

  /**
   * Reads an index.
   *
   * @param json the bytes of {@value #FILE_NAME}
   * @param where the index's location, for messages
   * @throws RegistryException of kind {@code PLUGIN} naming {@code where} and the wrong field if
   *     the bytes are not an index of this format
   */
  public static RegistryIndex parse(byte[] json, String where) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (IOException e) {
      throw malformed(where, "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (doc == null || !doc.isObject()) {
      throw malformed(where, "not a JSON object");
    }
    if (doc.path("format").asInt(-1) != FORMAT) {
      throw malformed(where, "format " + doc.path("format") + " is not " + FORMAT);
    }
    List<PluginRelease> releases = new ArrayList<>();
    for (JsonNode plugin : doc.path("plugins")) {
      String id = text(plugin, "id", where);
      for (JsonNode v : plugin.path("versions")) {
        releases.add(release(id, v, where));
      }
    }
    try {
      return new RegistryIndex(releases);
    } catch (IllegalArgumentException e) {
      throw malformed(where, e.getMessage());
    }
  }

  /** Reads one release of plugin {@code id} from its JSON object. */
  static PluginRelease release(String id, JsonNode v, String where) {
    String at = where + ": plugin '" + id + "'";
    try {
      Map<ExtensionPoint, List<String>> provides = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> points = v.path("extension_points").fields();
      while (points.hasNext()) {
        Map.Entry<String, JsonNode> point = points.next();
        List<String> ids = new ArrayList<>();
        point.getValue().forEach(n -> ids.add(n.asText()));
        provides.put(ExtensionPoints.fromLabel(point.getKey()), ids);
      }
      Map<String, VersionRange> dependencies = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> deps = v.path("dependencies").fields();
      while (deps.hasNext()) {
        Map.Entry<String, JsonNode> dep = deps.next();
        dependencies.put(dep.getKey(), VersionRange.parse(dep.getValue().asText()));
      }
      JsonNode paper = v.path("paper");
      if (!v.path("size").canConvertToLong()) {
        throw new IllegalArgumentException("size is missing or not a number");
      }
      return new PluginRelease(id, Version.parse(text(v, "version", at)), text(v, "title", at),
          VersionRange.parse(text(v, "requires", at)), provides,
          paper.isTextual() ? Optional.of(paper.asText()) : Optional.empty(),
          text(v, "archive", at), v.path("size").asLong(), text(v, "sha256", at), dependencies);
    } catch (IllegalArgumentException e) {
      throw malformed(at, e.getMessage());
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw malformed(where, "field '" + field + "' is missing or not a string");
    }
    return value.asText();
  }

  private static RegistryException malformed(String where, String what) {
    return new RegistryException(RegistryException.Kind.PLUGIN,
        where + ": malformed index: " + what);
  }
}
