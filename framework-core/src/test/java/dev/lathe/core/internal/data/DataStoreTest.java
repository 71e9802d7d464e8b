package dev.lathe.core.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.api.data.DataDirectory;
import dev.lathe.core.LatheException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataStoreTest {

  private static final Executables NO_PROGRAMS = new Executables(List.of());

  @TempDir
  Path dir;

  private DataStore store(DataSetCatalog catalog) {
    return new DataStore(dir.resolve("data"), catalog, NO_PROGRAMS);
  }

  @Test
  void anInstalledPackageIsCopiedVerifiedAndListedInTheManifest() throws Exception {
    Path installed = TinyDataSets.writeFiles(dir.resolve("usr/share/datasets/tiny"));
    DataStore store = store(TinyDataSets.catalog(TinyDataSets.debian(installed.toString())));
    assertFalse(store.isPresent("tiny"));
    Path folder = store.fetch("tiny", null, false);
    assertEquals(dir.resolve("data/tiny"), folder);
    assertTrue(store.isPresent("tiny"));
    assertEquals(folder, store.path("tiny"));
    assertEquals(folder, DataDirectory.dataSet(dir.resolve("data"), "tiny"));
    for (Map.Entry<String, String> f : TinyDataSets.FILES.entrySet()) {
      assertEquals(f.getValue(), Files.readString(folder.resolve(f.getKey())));
    }
    JsonNode manifest = new ObjectMapper().readTree(folder.resolve(DataDirectory.MANIFEST)
        .toFile());
    assertEquals("debian:dataset-tiny", manifest.get("source").asText());
    assertEquals(3, manifest.get("files").size());
    assertEquals(TinyDataSets.sha256("The first file.\n".getBytes(StandardCharsets.UTF_8)),
        manifest.get("files").get(0).get("sha256").asText());
    assertEquals(List.of(".tiny.lock", "tiny"), listing(dir.resolve("data")),
        "nothing but the data set and its lock is left behind");
  }

  @Test
  void fromAFolderAtAnyDepthOfTheLayout() throws Exception {
    DataSetCatalog catalog = TinyDataSets.catalog(TinyDataSets.npm("tiny@1.0.0", "package/data"));
    for (String layout : List.of("package/data", "data", ".")) {
      Path root = dir.resolve("src-" + layout.replace('/', '-').replace(".", "root"));
      TinyDataSets.writeFiles(root.resolve(layout));
      Files.writeString(root.resolve("unrelated.txt"), "not part of it");
      DataStore store = new DataStore(dir.resolve("data-" + root.getFileName()), catalog,
          NO_PROGRAMS);
      Path folder = store.fetch("tiny", root.toString(), false);
      assertEquals(TinyDataSets.names().size() + 1, listing(folder).size(), layout);
    }
  }

  @Test
  void fromATarballLikeTheOneNpmPackWrites() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>(TinyDataSets.entries("package/data/"));
    entries.put("package/data/other.json", "{}".getBytes(StandardCharsets.UTF_8));
    entries.put("package/README.md", "# tiny".getBytes(StandardCharsets.UTF_8));
    Path tgz = TinyDataSets.tgz(dir.resolve("tiny-1.0.0.tgz"), entries);
    DataStore store = store(TinyDataSets.catalog(TinyDataSets.npm("tiny@1.0.0", "package/data")));
    Path folder = store.fetch("tiny", tgz.toString(), false);
    assertEquals(List.of(DataDirectory.MANIFEST, "alpha.txt", "beta.txt", "gamma.bin"),
        listing(folder), "only the listed files are kept");
  }

  @Test
  void throughAnArchiveInsideTheInstalledPackage() throws Exception {
    Path doc = Files.createDirectories(dir.resolve("usr/share/doc/tiny"));
    Path inner = TinyDataSets.tgz(doc.resolve("data.tar.gz"), TinyDataSets.entries("data/meshes/"));
    DataSetCatalog catalog = TinyDataSets.catalog(TinyDataSets.debian(inner.toString(),
        "data/meshes"));
    assertFalse(store(catalog).isPresent("tiny"));
    assertEquals(4, listing(store(catalog).fetch("tiny", null, false)).size());
    DataStore fromArchive = new DataStore(dir.resolve("data2"), catalog, NO_PROGRAMS);
    assertEquals(4, listing(fromArchive.fetch("tiny", inner.toString(), false)).size(),
        "--from the inner archive itself");
    Path unpackedDeb = dir.resolve("deb");
    TinyDataSets.tgz(Files.createDirectories(unpackedDeb.resolve("usr/share/doc/tiny"))
        .resolve("data.tar.gz"), TinyDataSets.entries("data/meshes/"));
    DataStore fromDeb = new DataStore(dir.resolve("data3"), catalog, NO_PROGRAMS);
    assertEquals(4, listing(fromDeb.fetch("tiny", unpackedDeb.toString(), false)).size(),
        "--from a folder where the package was unpacked (dpkg -x)");
  }

  @Test
  void aChecksumMismatchIsRefusedWithBothHashesAndLeavesNoDataSet() throws Exception {
    Path source = TinyDataSets.writeFiles(dir.resolve("src"));
    Files.writeString(source.resolve("beta.txt"), "The second file, tampered with.\n");
    DataStore store = store(TinyDataSets.catalog(TinyDataSets.npm("tiny@1.0.0", "package")));
    LatheException e = assertThrows(LatheException.class,
        () -> store.fetch("tiny", source.toString(), false));
    assertEquals(LatheException.Kind.IO, e.kind());
    String expected = TinyDataSets.sha256(TinyDataSets.FILES.get("beta.txt")
        .getBytes(StandardCharsets.UTF_8));
    String actual = TinyDataSets.sha256("The second file, tampered with.\n"
        .getBytes(StandardCharsets.UTF_8));
    assertEquals("tiny: " + source.resolve("beta.txt") + " has SHA-256 " + actual
        + " (32 bytes), expected " + expected + " (49 bytes); refused, the data directory is "
        + "unchanged", e.getMessage());
    assertFalse(store.isPresent("tiny"));
    assertEquals(List.of(".tiny.lock"), listing(dir.resolve("data")));
  }

  @Test
  void forceRefetchesAndAFailedForcedFetchKeepsThePresentCopy() throws Exception {
    Path source = TinyDataSets.writeFiles(dir.resolve("src"));
    DataStore store = store(TinyDataSets.catalog(TinyDataSets.npm("tiny@1.0.0", "package")));
    Path folder = store.fetch("tiny", source.toString(), false);
    Files.delete(folder.resolve("alpha.txt"));
    store.fetch("tiny", source.toString(), false);
    assertFalse(Files.exists(folder.resolve("alpha.txt")), "present: a fetch without --force "
        + "does nothing");
    Files.writeString(source.resolve("alpha.txt"), "changed");
    assertThrows(LatheException.class, () -> store.fetch("tiny", source.toString(), true));
    assertTrue(store.isPresent("tiny"), "the failed forced fetch left the old copy");
    assertTrue(Files.exists(folder.resolve("beta.txt")));
    TinyDataSets.writeFiles(source);
    store.fetch("tiny", source.toString(), true);
    assertEquals("The first file.\n", Files.readString(folder.resolve("alpha.txt")));
    assertEquals(List.of(".tiny.lock", "tiny"), listing(dir.resolve("data")));
  }

  @Test
  void leftoversOfAKilledFetchAreRemovedAndNeverCountAsPresent() throws Exception {
    Path partial = Files.createDirectories(dir.resolve("data/.tiny.partial-123/tiny"));
    TinyDataSets.writeFiles(partial);
    Files.writeString(partial.resolve(DataDirectory.MANIFEST), "{}");
    DataStore store = store(TinyDataSets.catalog(TinyDataSets.npm("tiny@1.0.0", "package")));
    assertFalse(store.isPresent("tiny"));
    store.fetch("tiny", TinyDataSets.writeFiles(dir.resolve("src")).toString(), false);
    assertEquals(List.of(".tiny.lock", "tiny"), listing(dir.resolve("data")));
  }

  @Test
  void aFolderThatNoFetchFinishedIsNotOverwrittenWithoutForce() throws Exception {
    Files.createDirectories(dir.resolve("data/tiny"));
    DataStore store = store(TinyDataSets.catalog(TinyDataSets.npm("tiny@1.0.0", "package")));
    Path source = TinyDataSets.writeFiles(dir.resolve("src"));
    LatheException e = assertThrows(LatheException.class,
        () -> store.fetch("tiny", source.toString(), false));
    assertTrue(e.getMessage().endsWith("tiny exists but holds no .lathe-data.json of a finished "
        + "fetch; remove it or fetch with --force"), e.getMessage());
    store.fetch("tiny", source.toString(), true);
    assertTrue(store.isPresent("tiny"));
  }

  @Test
  void missingSourcesSayWhatToInstallOrWhichFromToGive() throws Exception {
    DataStore debian = store(TinyDataSets.catalog(TinyDataSets.debian("/nonexistent/tiny")));
    LatheException notInstalled = assertThrows(LatheException.class,
        () -> debian.fetch("tiny", null, false));
    assertEquals(LatheException.Kind.IO, notInstalled.kind());
    assertEquals("tiny: /nonexistent/tiny is missing: install the Debian package dataset-tiny "
        + "(apt-get install dataset-tiny; or, without installing it, apt-get download dataset-tiny"
        + " && dpkg -x dataset-tiny_*.deb DIR, then --from DIR), or give --from a folder or "
        + "archive of its files", notInstalled.getMessage());
    DataStore npm = store(TinyDataSets.catalog(TinyDataSets.npm("tiny@1.0.0", "package")));
    LatheException noNpm = assertThrows(LatheException.class, () -> npm.fetch("tiny", null, false));
    assertEquals("tiny: needs npm to fetch the npm package tiny@1.0.0: install it (apt-get install"
        + " npm), or run 'npm pack tiny@1.0.0' where npm is and give --from the .tgz it writes",
        noNpm.getMessage());
    LatheException absent = assertThrows(LatheException.class, () -> npm.path("tiny"));
    assertEquals("data set 'tiny' is not in " + dir.resolve("data") + "; run 'lathe data fetch "
        + "tiny'", absent.getMessage());
    assertEquals(LatheException.Kind.IO, absent.kind());
  }

  @Test
  void aBadFromIsAnArgumentErrorAndAnEmptyOneSaysWhatItLacks() throws Exception {
    DataStore store = store(TinyDataSets.catalog(TinyDataSets.npm("tiny@1.0.0", "package")));
    LatheException none = assertThrows(LatheException.class,
        () -> store.fetch("tiny", dir.resolve("nope").toString(), false));
    assertEquals(LatheException.Kind.CONFIGURATION, none.kind());
    assertEquals("--from " + dir.resolve("nope") + ": no such file or folder", none.getMessage());
    Path text = Files.writeString(dir.resolve("files.zip"), "zip");
    assertEquals("--from " + text + ": neither a folder nor a .tar, .tar.gz or .tgz archive",
        assertThrows(LatheException.class, () -> store.fetch("tiny", text.toString(), false))
            .getMessage());
    LatheException url = assertThrows(LatheException.class,
        () -> store.fetch("tiny", "http://127.0.0.1:9/files.zip", false));
    assertEquals(LatheException.Kind.CONFIGURATION, url.kind());
    assertEquals("--from http://127.0.0.1:9/files.zip: a URL must name a .tar, .tar.gz or .tgz "
        + "archive", url.getMessage());
    Path empty = Files.createDirectories(dir.resolve("empty"));
    LatheException lacking = assertThrows(LatheException.class,
        () -> store.fetch("tiny", empty.toString(), false));
    assertEquals(LatheException.Kind.IO, lacking.kind());
    assertEquals("tiny: " + empty + " holds none of its files (e.g. alpha.txt) where its layout "
        + "package or any tail of it leads; the data directory is unchanged", lacking.getMessage());
    Path partial = Files.createDirectories(dir.resolve("partial"));
    Files.writeString(partial.resolve("alpha.txt"), TinyDataSets.FILES.get("alpha.txt"));
    assertEquals("tiny: " + partial + " lacks 2 of its 3 files, e.g. beta.txt; the data directory"
        + " is unchanged", assertThrows(LatheException.class,
            () -> store.fetch("tiny", partial.toString(), false)).getMessage());
  }

  @Test
  void anArchiveEntryThatLeadsOutsideIsRefused() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>(TinyDataSets.entries("package/"));
    entries.put("package/../../alpha.txt", "escaped".getBytes(StandardCharsets.UTF_8));
    Path tgz = TinyDataSets.tgz(dir.resolve("evil.tgz"), entries);
    DataStore store = store(TinyDataSets.catalog(TinyDataSets.npm("tiny@1.0.0", "package")));
    LatheException e = assertThrows(LatheException.class,
        () -> store.fetch("tiny", tgz.toString(), false));
    assertEquals("tiny: " + tgz + ": cannot unpack: entry 'package/../../alpha.txt' leads outside"
        + " the folder it is unpacked into", e.getMessage());
    assertFalse(Files.exists(dir.resolve("data/alpha.txt")));
    assertEquals(List.of(".tiny.lock"), listing(dir.resolve("data")));
  }

  @Test
  void aTruncatedArchiveIsNamed() throws Exception {
    Path tgz = TinyDataSets.tgz(dir.resolve("t.tgz"), TinyDataSets.entries("package/"));
    byte[] bytes = Files.readAllBytes(tgz);
    Path cut = Files.write(dir.resolve("cut.tgz"), Arrays.copyOf(bytes,
        bytes.length / 2));
    DataStore store = store(TinyDataSets.catalog(TinyDataSets.npm("tiny@1.0.0", "package")));
    LatheException e = assertThrows(LatheException.class,
        () -> store.fetch("tiny", cut.toString(), false));
    assertEquals(LatheException.Kind.IO, e.kind());
    assertTrue(e.getMessage().startsWith("tiny: " + cut + ": cannot unpack: "), e.getMessage());
  }

  private static List<String> listing(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
