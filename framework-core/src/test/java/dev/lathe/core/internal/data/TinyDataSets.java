package dev.lathe.core.internal.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small data sets for the tests: their files, catalogs that list them, and archives of them. */
final class TinyDataSets {

  /** The files of the data set {@code tiny}. */
  static final Map<String, String> FILES = files();

  private static final ObjectMapper JSON = new ObjectMapper();

  private TinyDataSets() {}

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("alpha.txt", "The first file.\n");
    files.put("beta.txt", "The second file, a little longer than the first.\n");
    files.put("gamma.bin", "\u0000\u0001\u0002 binary-ish");
    return files;
  }

  /** Writes the files of {@code tiny} into {@code folder}; returns the folder. */
  static Path writeFiles(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      Files.writeString(folder.resolve(f.getKey()), f.getValue());
    }
    return folder;
  }

  /** A catalog with the data set {@code tiny} coming from {@code source} (a JSON object). */
  static DataSetCatalog catalog(ObjectNode source) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", 1);
    ObjectNode set = root.putArray("data_sets").addObject();
    set.put("name", "tiny");
    set.put("description", "three small files");
    set.put("licence", "CC0-1.0");
    set.set("source", source);
    ArrayNode files = set.putArray("files");
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
      files.addObject().put("name", f.getKey()).put("bytes", bytes.length)
          .put("sha256", sha256(bytes));
    }
    return DataSetCatalog.parse(root, "test catalog");
  }

  /** A Debian source at these path elements. */
  static ObjectNode debian(String... path) {
    ObjectNode source = JSON.createObjectNode().put("debian", "dataset-tiny");
    ArrayNode p = source.putArray("path");
    for (String element : path) {
      p.add(element);
    }
    return source;
  }

  /** An npm source at these path elements. */
  static ObjectNode npm(String spec, String... path) {
    ObjectNode source = JSON.createObjectNode().put("npm", spec);
    ArrayNode p = source.putArray("path");
    for (String element : path) {
      p.add(element);
    }
    return source;
  }

  /** Writes a gzip-compressed tar archive holding {@code entries} (path → content). */
  static Path tgz(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(
            new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  /** The files of {@code tiny} under {@code prefix}, as archive entries. */
  static Map<String, byte[]> entries(String prefix) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    FILES.forEach((name, content) -> entries.put(prefix + name,
        content.getBytes(StandardCharsets.UTF_8)));
    return entries;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> names() {
    return List.copyOf(FILES.keySet());
  }
}
