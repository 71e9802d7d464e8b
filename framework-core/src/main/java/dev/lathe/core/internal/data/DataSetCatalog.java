package dev.lathe.core.internal.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.config.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The named data sets that {@code lathe data} knows, read from JSON documents: the built-in one
 * is {@code datasets.json} next to this class, and a user may add data sets in a file of the same
 * format (see {@code docs/data.md} for the format and how the checksums were made).
 */
public final class DataSetCatalog {

  private static final String BUILT_IN = "datasets.json";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, DataSetSpec> byName;

  private DataSetCatalog(Map<String, DataSetSpec> byName) {
    this.byName = byName;
  }

  /** The data sets that ship with Lathe. */
  public static DataSetCatalog builtIn() {
    try (InputStream in = DataSetCatalog.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException(BUILT_IN + " is missing from " + DataSetCatalog.class
            .getModule());
      }
      return parse(JSON.readTree(in), BUILT_IN);
    } catch (IOException e) {
      throw new UncheckedIOException(BUILT_IN + ": " + e.getMessage(), e);
    }
  }

  /**
   * The catalog in the JSON document {@code root}.
   *
   * @param where the document's name for error messages
   * @throws IllegalArgumentException naming the document and the data set if it is malformed
   */
  public static DataSetCatalog parse(JsonNode root, String where) {
    if (root.path("format").asInt() != 1) {
      throw new IllegalArgumentException(where + ": format " + root.path("format")
          + " is not 1");
    }
    Map<String, DataSetSpec> byName = new LinkedHashMap<>();
    for (JsonNode n : root.path("data_sets")) {
      String name = n.path("name").asText();
      String at = where + ": data set '" + name + "'";
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(at + ": names are lower-case letters, digits, . _ -");
      }
      List<DataFile> files = new ArrayList<>();
      for (JsonNode f : n.path("files")) {
        String sha = f.path("sha256").asText();
        if (!SHA_256.matcher(sha).matches() || !f.path("bytes").canConvertToLong()
            || f.path("name").asText().isEmpty() || f.path("name").asText().contains("/")) {
          throw new IllegalArgumentException(at + ": file " + f + " needs a plain name, bytes and "
              + "a SHA-256 of 64 lower-case hex digits");
        }
        files.add(new DataFile(f.path("name").asText(), f.path("bytes").asLong(), sha));
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException(at + ": lists no files");
      }
      DataSetSpec spec = new DataSetSpec(name, n.path("description").asText(),
          n.path("licence").asText(), source(n.path("source"), at), files);
      if (byName.put(name, spec) != null) {
        throw new IllegalArgumentException(at + ": is listed twice");
      }
    }
    return new DataSetCatalog(byName);
  }

  private static DataSource source(JsonNode n, String at) {
    List<String> path = new ArrayList<>();
    n.path("path").forEach(p -> path.add(p.asText()));
    if (path.isEmpty() || path.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(at + ": its source needs a path");
    }
    if (n.hasNonNull("debian")) {
      if (!path.get(0).startsWith("/")) {
        throw new IllegalArgumentException(at + ": a Debian package's path starts at /");
      }
      return new DataSource.DebianPackage(n.get("debian").asText(), path);
    }
    if (n.hasNonNull("npm")) {
      return new DataSource.NpmPackage(n.get("npm").asText(), path);
    }
    throw new IllegalArgumentException(at + ": its source is neither 'debian' nor 'npm'");
  }

  /**
   * The data sets of the JSON file {@code file} added to this catalog's.
   *
   * @throws LatheException of kind configuration naming the file if it cannot be read, is
   *     malformed or names a data set this catalog has already
   */
  public DataSetCatalog with(Path file) {
    DataSetCatalog added;
    try {
      added = parse(JSON.readTree(file.toFile()), file.toString());
    } catch (IOException e) {
      throw new LatheException(LatheException.Kind.CONFIGURATION, file + ": cannot read it: "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new LatheException(LatheException.Kind.CONFIGURATION, e.getMessage(), e);
    }
    Map<String, DataSetSpec> merged = new LinkedHashMap<>(byName);
    for (DataSetSpec spec : added.all()) {
      if (merged.put(spec.name(), spec) != null) {
        throw new LatheException(LatheException.Kind.CONFIGURATION, file + ": data set '"
            + spec.name() + "' is already in Lathe's catalog; choose another name");
      }
    }
    return new DataSetCatalog(merged);
  }

  /** Every data set, in catalog order. */
  public List<DataSetSpec> all() {
    return List.copyOf(byName.values());
  }

  /**
   * The data set {@code name}.
   *
   * @throws LatheException of kind configuration, naming the closest name, if there is none
   */
  public DataSetSpec find(String name) {
    DataSetSpec spec = byName.get(name);
    if (spec == null) {
      throw new LatheException(LatheException.Kind.CONFIGURATION, "no data set '" + name + "'"
          + Suggestions.didYouMean(name, byName.keySet()) + "; 'lathe data list' lists them");
    }
    return spec;
  }
}
