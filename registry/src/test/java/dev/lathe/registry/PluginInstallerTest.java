package dev.lathe.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.LatheApi;
import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install, verify and remove against folder registries, and every bad input refused with its
 * message while the plugins directory stays exactly as it was.
 */
class PluginInstallerTest {

  @TempDir
  Path dir;
  KeyPair keys;
  TrustedKeys trusted;
  Path registryFolder;
  PluginInstaller installer;
  Map<String, String> before;

  @BeforeEach
  void installABasePlugin() throws IOException {
    keys = Fixtures.keys(dir.resolve("keys"), "publisher");
    trusted = Fixtures.trust(dir.resolve("trusted"), keys);
    registryFolder = dir.resolve("registry");
    Publisher.publish(Fixtures.jar(dir.resolve("build"), "base", "1.0.0", (String) null),
        registryFolder, keys);
    Publisher.publish(Fixtures.jar(dir.resolve("build"), "sample", "1.0.0", "base@[1.0,2.0)"),
        registryFolder, keys);
    installer = new PluginInstaller(dir.resolve("plugins"));
    Registry registry = open(false);
    installer.install(registry, Fixtures.resolve(registry, "base"));
    before = snapshot();
  }

  private Registry open(boolean unsigned) {
    return Registry.open(new RegistryLocation("test", registryFolder.toString(), unsigned),
        trusted);
  }

  /** Every file under the plugins directory with its SHA-256. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(installer.directory())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(installer.directory().relativize(p).toString(), PluginInstaller.sha256(p));
      }
    }
    return files;
  }

  /** Runs {@code action}, expects a refusal of {@code kind}, checks nothing changed. */
  private String refused(RegistryException.Kind kind, Supplier<?> action) throws IOException {
    RegistryException e = assertThrows(RegistryException.class, action::get);
    assertEquals(kind, e.kind(), e.getMessage());
    assertEquals(before, snapshot(), "the plugins directory is unchanged");
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  private Path archive(String id, String version) {
    return registryFolder.resolve("archives/" + id + "/" + id + "-" + version + ".jar");
  }

  /** Lists {@code release} in a signed index of the registry folder, as a publisher could. */
  private void listInIndex(PluginRelease release) {
    byte[] json = new RegistryIndex(List.of(release)).toJson();
    write(registryFolder.resolve(RegistryIndex.FILE_NAME), json);
    write(registryFolder.resolve(IndexSignature.FILE_NAME), IndexSignature.sign(json, keys));
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private PluginRelease releaseOf(Path jar, String id) throws IOException {
    return new PluginRelease(id, Version.parse("1.0.0"), "t", VersionRange.parse("[0.1,1.0)"),
        Map.of(ExtensionPoint.EVALUATOR, List.of("sample")), Optional.empty(),
        registryFolder.relativize(jar).toString(), Files.size(jar), PluginInstaller.sha256(jar),
        Map.of());
  }

  @Test
  void installsWithDependenciesRecordsChecksumsAndRemoves() throws IOException {
    Registry registry = open(false);
    Resolver.Resolution resolution = new Resolver(registry.index(), "test",
        Map.of("base", installer.installed().get(0)), Set.of(),
        LatheApi.VERSION, Set.of())
        .resolve(List.of(Resolver.Requirement.parse("sample")));
    assertEquals(List.of("sample 1.0.0"),
        resolution.install().stream().map(PluginRelease::toString).toList());
    installer.install(registry, resolution);
    assertEquals(List.of("base 1.0.0", "sample 1.0.0"),
        installer.installed().stream().map(InstalledPlugin::toString).toList());
    Path jar = installer.directory().resolve("sample-1.0.0.jar");
    assertEquals(PluginInstaller.sha256(archive("sample", "1.0.0")), PluginInstaller.sha256(jar));
    assertEquals(List.of(), installer.verify());
    assertEquals(List.of(), installer.unmanaged());
    try (Stream<Path> files = Files.list(installer.directory())) {
      assertEquals(List.of(".lathe-install.lock", "base-1.0.0.jar", "lathe-installed.json",
          "sample-1.0.0.jar"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }

    RegistryException needed = assertThrows(RegistryException.class,
        () -> installer.remove("base"));
    assertEquals("plugin 'base' is needed by sample 1.0.0; remove that first",
        needed.getMessage());
    assertEquals("sample 1.0.0", installer.remove("sample").toString());
    assertFalse(Files.exists(jar));
    assertEquals(before, snapshot());
  }

  @Test
  void verifyFindsAChangedOrMissingJar() throws IOException {
    Path jar = installer.directory().resolve("base-1.0.0.jar");
    long size = Files.size(jar);
    String sha = PluginInstaller.sha256(jar);
    Files.writeString(jar, "tampered", StandardCharsets.UTF_8);
    assertEquals(List.of("plugin 'base' (" + jar + "): has SHA-256 "
        + PluginInstaller.sha256(jar) + " (8 bytes), recorded at install " + sha + " (" + size
        + " bytes): it was changed after install"),
        installer.verify().stream().map(Object::toString).toList());
    Files.delete(jar);
    assertEquals("plugin 'base' (" + jar + "): the jar is missing",
        installer.verify().get(0).toString());
  }

  @Test
  void checksumMismatchIsRefused() throws IOException {
    Path jar = archive("sample", "1.0.0");
    byte[] bytes = Files.readAllBytes(jar);
    String listed = PluginInstaller.sha256(jar);
    bytes[bytes.length / 2] ^= 1;
    Files.write(jar, bytes);
    Registry registry = open(false);
    String message = refused(RegistryException.Kind.CORRUPT,
        () -> installer.install(registry, Fixtures.resolve(registry, "sample")));
    assertEquals("plugin 'sample' 1.0.0: archive " + jar + " has SHA-256 "
        + PluginInstaller.sha256(jar) + ", the index says " + listed, message);
  }

  @Test
  void truncatedArchiveIsRefused() throws IOException {
    Path jar = archive("sample", "1.0.0");
    byte[] bytes = Files.readAllBytes(jar);
    Files.write(jar, Arrays.copyOf(bytes, bytes.length / 2));
    Registry registry = open(false);
    assertEquals("plugin 'sample' 1.0.0: archive " + jar + " has " + bytes.length / 2
        + " bytes, the index says " + bytes.length + " (truncated)",
        refused(RegistryException.Kind.CORRUPT,
            () -> installer.install(registry, Fixtures.resolve(registry, "sample"))));
  }

  @Test
  void archiveThatIsNotAPluginIsRefused() throws IOException {
    Path text = registryFolder.resolve("archives/notes.jar");
    Files.writeString(text, "not a jar at all");
    listInIndex(releaseOf(text, "sample"));
    Registry registry = open(false);
    assertEquals("plugin 'sample' 1.0.0: archive " + text + " is not a Lathe plugin: not a "
        + "readable jar (ZipException: zip END header not found)",
        refused(RegistryException.Kind.PLUGIN,
            () -> installer.install(registry, Fixtures.resolve(registry, "sample"))));

    Path plain = Fixtures.jar(registryFolder.resolve("archives"), "plain.jar",
        Map.of("Plugin-Id", "sample", "Plugin-Version", "1.0.0"), false);
    listInIndex(releaseOf(plain, "sample"));
    Registry second = open(false);
    assertEquals("plugin 'sample' 1.0.0: archive " + plain + " is not a Lathe plugin: it lists "
        + "no provider of a Lathe extension point in META-INF/services",
        refused(RegistryException.Kind.PLUGIN,
            () -> installer.install(second, Fixtures.resolve(second, "sample"))));
  }

  @Test
  void descriptorIdThatDiffersFromTheIndexIsRefused() throws IOException {
    Path other = Fixtures.jar(registryFolder.resolve("archives"), "other", "1.0.0",
        (String) null);
    listInIndex(releaseOf(other, "sample"));
    Registry registry = open(false);
    assertEquals("plugin 'sample' 1.0.0: archive " + other
        + " has Plugin-Id 'other', the index says 'sample'",
        refused(RegistryException.Kind.PLUGIN,
            () -> installer.install(registry, Fixtures.resolve(registry, "sample"))));
  }

  @Test
  void alteredIndexIsRefusedAsWronglySigned() throws IOException {
    Path index = registryFolder.resolve(RegistryIndex.FILE_NAME);
    Files.writeString(index, Files.readString(index).replace("Sample evaluator", "Evil"));
    String keyId = SigningKeys.keyId(keys.getPublic());
    assertEquals("registry test (" + registryFolder + "): the signature of index.json does not verify "
        + "with key " + keyId + ": the index was altered after signing",
        refused(RegistryException.Kind.UNTRUSTED, () -> open(false)));
  }

  @Test
  void indexSignedByAnUnknownKeyIsRefused() throws IOException {
    KeyPair stranger = SigningKeys.generate();
    Path index = registryFolder.resolve(RegistryIndex.FILE_NAME);
    write(registryFolder.resolve(IndexSignature.FILE_NAME),
        IndexSignature.sign(Files.readAllBytes(index), stranger));
    assertEquals("registry test (" + registryFolder + "): the index is signed by key "
        + SigningKeys.keyId(stranger.getPublic()) + ", which is not trusted; trust its public "
        + "key with 'lathe registry trust KEY.pub' if you trust the publisher",
        refused(RegistryException.Kind.UNTRUSTED, () -> open(false)));
  }

  @Test
  void unsignedIndexIsRefusedUnlessTrustedUnsigned() throws IOException {
    Files.delete(registryFolder.resolve(IndexSignature.FILE_NAME));
    assertEquals("registry test (" + registryFolder + ") is unsigned (no index.json.sig); to use it all "
        + "the same, add it with 'lathe registry add NAME " + registryFolder + " --unsigned'",
        refused(RegistryException.Kind.UNTRUSTED, () -> open(false)));
    Registry registry = open(true);
    assertEquals(Optional.empty(), registry.keyId());
    installer.install(registry, Fixtures.resolve(registry, "sample"));
    assertEquals(2, installer.installed().size());
  }

  @Test
  void unreachableFolderRegistryIsRefused() throws IOException {
    Path missing = dir.resolve("nowhere");
    assertEquals("registry " + missing + " is unreachable: no such folder",
        refused(RegistryException.Kind.IO, () -> Registry.open(
            new RegistryLocation(missing.toString(), missing.toString(), false), trusted)));
  }

  @Test
  void anInterruptedUncommittedChangeIsDiscarded() throws IOException {
    Path staging = Files.createDirectories(installer.directory().resolve(".install-123"));
    Files.copy(archive("sample", "1.0.0"), staging.resolve("sample-1.0.0.jar"));
    assertEquals(List.of("base 1.0.0"),
        installer.installed().stream().map(InstalledPlugin::toString).toList());
    assertFalse(Files.exists(staging));
    assertEquals(before, snapshot());
  }

  @Test
  void publishingAnArchiveWithAMalformedIdIsRefused() throws IOException {
    Path jar = Fixtures.jar(dir.resolve("build3"), "Bad_Id", "1.0.0", (String) null);
    RegistryException e = assertThrows(RegistryException.class,
        () -> Publisher.publish(jar, registryFolder, keys));
    assertEquals(RegistryException.Kind.PLUGIN, e.kind());
    assertEquals("archive " + jar + ": plugin id 'Bad_Id' is malformed (lower-case letters and "
        + "digits, words joined by '-')", e.getMessage());
  }

  @Test
  void publishingTheSameVersionWithOtherContentIsRefused() throws IOException {
    Path changed = Fixtures.jar(dir.resolve("build2"), "base", "1.0.0",
        Map.of("Plugin-Description", "changed"));
    RegistryException e = assertThrows(RegistryException.class,
        () -> Publisher.publish(changed, registryFolder, keys));
    assertEquals("registry " + registryFolder + " already has plugin 'base' 1.0.0 with other "
        + "content; publish the change under a new version", e.getMessage());
    assertTrue(open(false).index().find("base", Version.parse("1.0.0")).isPresent());
  }
}
