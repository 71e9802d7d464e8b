package dev.lathe.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import dev.lathe.registry.IndexSignature;
import dev.lathe.registry.PluginArchive;
import dev.lathe.registry.PluginRelease;
import dev.lathe.registry.RegistryIndex;
import dev.lathe.registry.SigningKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lathe plugin} and {@code lathe registry} in process: every bad input of a registry is
 * refused with one line and its exit code, and the plugins directory stays exactly as it was.
 * The archives list a provider class they do not contain: install reads an archive's manifest
 * and services, it never runs its code.
 */
class PluginCommandTest {

  @TempDir
  Path dir;
  Path plugins;
  Path registry;
  KeyPair keys;
  List<PluginRelease> releases;
  Map<String, String> before;
  private String home;

  /** What one command printed and returned. */
  private record Result(int exit, String out, String err) {}

  @BeforeEach
  void installSphereFromASignedRegistry() throws Exception {
    home = System.getProperty("user.home");
    System.setProperty("user.home", dir.toString());
    plugins = dir.resolve("plugins");
    registry = dir.resolve("registry");
    keys = SigningKeys.generate();
    Path publicKey = dir.resolve("publisher.pub");
    SigningKeys.writePublicKey(keys.getPublic(), publicKey);
    assertEquals(0, lathe("registry", "trust", publicKey.toString()).exit());
    releases = new ArrayList<>();
    release("sphere", "1.0.0", "[0.1,1.0)", null);
    release("fixtures", "1.0.0", "[0.1,1.0)", "sphere@[1.0,2.0)");
    writeIndex(keys);
    Result install = lathe("plugin", "install", "sphere");
    assertEquals(0, install.exit(), install.toString());
    before = snapshot();
  }

  @AfterEach
  void restoreHome() {
    System.setProperty("user.home", home);
  }

  private Result lathe(String... args) {
    List<String> all = new ArrayList<>(List.of("--plugins-dir", plugins.toString()));
    all.addAll(Arrays.asList(args));
    if (args[0].equals("plugin") && Arrays.stream(args).noneMatch(a -> a.equals("--registry"))
        && RegistryAccess.registries().all().isEmpty()) {
      all.addAll(List.of("--registry", registry.toString()));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = LatheCommand.execute(all.toArray(String[]::new), new PrintWriter(out, true),
        new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  /** Runs a command that must be refused with {@code exit} and return its one error line. */
  private String refused(int exit, String... args) throws IOException {
    Result r = lathe(args);
    assertEquals(exit, r.exit(), r.toString());
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), r.toString());
    assertTrue(lines.get(0).startsWith("lathe: "), r.toString());
    assertEquals(before, snapshot(), "the plugins directory is unchanged");
    return lines.get(0).substring("lathe: ".length());
  }

  /** Every file under the plugins directory with its SHA-256. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(plugins)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(plugins.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** A plugin jar whose manifest says {@code id} and {@code version}, listing an evaluator. */
  private Path jar(String id, String version, String dependencies) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Plugin-Id", id);
    main.putValue("Plugin-Version", version);
    if (dependencies != null) {
      main.putValue(PluginArchive.DEPENDENCIES, dependencies);
    }
    Path jar = Files.createDirectories(registry.resolve("archives")).resolve(
        id + "-" + version + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new JarEntry("META-INF/services/dev.lathe.api.spi.EvaluatorProvider"));
      out.write(("com.example." + id.replace('-', '_') + ".Provider\n")
          .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  /** Writes a jar for {@code id} and lists it (replacing an earlier release of the same id). */
  private PluginRelease release(String id, String version, String requires, String dependencies)
      throws IOException {
    Path jar = jar(id, version, dependencies);
    PluginRelease release = listed(jar, id, version, requires,
        dependencies == null ? Map.of() : PluginArchive.parseDependencies(dependencies));
    releases.removeIf(r -> r.id().equals(id));
    releases.add(release);
    return release;
  }

  private PluginRelease listed(Path jar, String id, String version, String requires,
      Map<String, VersionRange> dependencies) throws IOException {
    return new PluginRelease(id, Version.parse(version), id + " plugin",
        VersionRange.parse(requires), Map.of(ExtensionPoint.EVALUATOR, List.of(id)),
        Optional.empty(), registry.relativize(jar).toString(), Files.size(jar),
        sha256(Files.readAllBytes(jar)), dependencies);
  }

  private void writeIndex(KeyPair signer) throws IOException {
    byte[] json = new RegistryIndex(releases).toJson();
    Files.write(registry.resolve(RegistryIndex.FILE_NAME), json);
    Files.write(registry.resolve(IndexSignature.FILE_NAME), IndexSignature.sign(json, signer));
  }

  private String keyId() {
    return SigningKeys.keyId(keys.getPublic());
  }

  @Test
  void installsWithADependencyListsVerifiesAndRemoves() throws IOException {
    Result install = lathe("plugin", "install", "fixtures");
    assertEquals(0, install.exit(), install.toString());
    assertEquals("Installed fixtures 1.0.0 (evaluator) from " + registry + " into "
        + plugins.resolve("fixtures-1.0.0.jar") + "\n", install.out());
    Result again = lathe("plugin", "install", "fixtures");
    assertEquals("fixtures 1.0.0 is already installed in " + plugins + " ('lathe plugin update "
        + "fixtures' looks for a newer version)\n", again.out());
    Files.copy(jar("other", "1.0.0", null), plugins.resolve("by-hand.jar"));
    List<String> list = lathe("plugin", "list").out().lines().toList();
    assertTrue(list.get(1).matches("fixtures +1\\.0\\.0 +evaluator +" + Pattern.quote(
        registry.toString()) + " +fixtures-1\\.0\\.0\\.jar"), list.toString());
    assertEquals(List.of("not from a registry: by-hand.jar", "Plugins directory: " + plugins),
        list.subList(3, 5));
    Files.delete(plugins.resolve("by-hand.jar"));
    assertEquals("plugin 'sphere' is needed by fixtures 1.0.0; remove that first",
        refusedAfterChange(3, "plugin", "remove", "sphere"));
    Result verify = lathe("plugin", "verify");
    assertEquals("2 installed plugins verified in " + plugins
        + ": sizes and SHA-256 as recorded at install.\n", verify.out());
    Files.writeString(plugins.resolve("sphere-1.0.0.jar"), "tampered");
    Result tampered = lathe("plugin", "verify");
    assertEquals(3, tampered.exit(), tampered.toString());
    assertEquals(List.of("lathe: plugin 'sphere' (" + plugins.resolve("sphere-1.0.0.jar")
        + "): has SHA-256 " + sha256("tampered".getBytes(StandardCharsets.UTF_8))
        + " (8 bytes), recorded at install " + releases.get(0).sha256() + " ("
        + releases.get(0).size() + " bytes): it was changed after install",
        "lathe: 1 of 2 installed plugins failed verification in " + plugins),
        tampered.err().lines().toList());
    assertEquals(0, lathe("plugin", "remove", "fixtures").exit());
    assertTrue(Files.notExists(plugins.resolve("fixtures-1.0.0.jar")));
  }

  private String refusedAfterChange(int exit, String... args) throws IOException {
    before = snapshot();
    return refused(exit, args);
  }

  @Test
  void updateReplacesAnOlderVersionAtOnce() throws IOException {
    release("sphere", "1.1.0", "[0.1,1.0)", null);
    writeIndex(keys);
    Result update = lathe("plugin", "update");
    assertEquals(0, update.exit(), update.toString());
    assertEquals("Updated sphere 1.0.0 -> 1.1.0 (evaluator) from " + registry + " into "
        + plugins.resolve("sphere-1.1.0.jar") + "\n", update.out());
    assertTrue(Files.notExists(plugins.resolve("sphere-1.0.0.jar")));
    assertEquals("Every installed plugin is up to date with registry " + registry + ".\n",
        lathe("plugin", "update").out());
  }

  @Test
  void checksumMismatchExits5() throws IOException {
    Path jar = registry.resolve("archives/fixtures-1.0.0.jar");
    byte[] bytes = Files.readAllBytes(jar);
    bytes[bytes.length / 2] ^= 1;
    Files.write(jar, bytes);
    assertEquals("plugin 'fixtures' 1.0.0: archive " + jar + " has SHA-256 " + sha256(bytes)
        + ", the index says " + releases.get(1).sha256(),
        refused(5, "plugin", "install", "fixtures"));
  }

  @Test
  void truncatedArchiveExits5() throws IOException {
    Path jar = registry.resolve("archives/fixtures-1.0.0.jar");
    byte[] bytes = Files.readAllBytes(jar);
    Files.write(jar, Arrays.copyOf(bytes, 100));
    assertEquals("plugin 'fixtures' 1.0.0: archive " + jar + " has 100 bytes, the index says "
        + bytes.length + " (truncated)", refused(5, "plugin", "install", "fixtures"));
  }

  @Test
  void archiveThatIsNotAPluginExits3() throws IOException {
    Path text = registry.resolve("archives/notes.jar");
    Files.writeString(text, "meeting notes");
    releases.set(1, listed(text, "fixtures", "1.0.0", "[0.1,1.0)", Map.of()));
    writeIndex(keys);
    assertEquals("plugin 'fixtures' 1.0.0: archive " + text + " is not a Lathe plugin: not a "
        + "readable jar (ZipException: zip END header not found)",
        refused(3, "plugin", "install", "fixtures"));
  }

  @Test
  void descriptorIdDifferingFromTheIndexExits3() throws IOException {
    Path other = jar("other", "1.0.0", null);
    releases.set(1, listed(other, "fixtures", "1.0.0", "[0.1,1.0)", Map.of()));
    writeIndex(keys);
    assertEquals("plugin 'fixtures' 1.0.0: archive " + other + " has Plugin-Id 'other', the "
        + "index says 'fixtures'", refused(3, "plugin", "install", "fixtures"));
  }

  @Test
  void wrongSignatureExits7() throws IOException {
    Path index = registry.resolve(RegistryIndex.FILE_NAME);
    Files.writeString(index, Files.readString(index).replace("fixtures plugin", "evil plugin"));
    assertEquals("registry " + registry + ": the signature of index.json does not verify with "
        + "key " + keyId() + ": the index was altered after signing",
        refused(7, "plugin", "install", "fixtures"));
  }

  @Test
  void unknownKeyExits7() throws IOException {
    KeyPair stranger = SigningKeys.generate();
    writeIndex(stranger);
    assertEquals("registry " + registry + ": the index is signed by key "
        + SigningKeys.keyId(stranger.getPublic()) + ", which is not trusted; trust its public "
        + "key with 'lathe registry trust KEY.pub' if you trust the publisher",
        refused(7, "plugin", "install", "fixtures"));
  }

  @Test
  void unsignedRegistryExits7UnlessAddedAsUnsigned() throws IOException {
    Files.delete(registry.resolve(IndexSignature.FILE_NAME));
    assertEquals("registry " + registry + " is unsigned (no index.json.sig); to use it all the "
        + "same, add it with 'lathe registry add NAME " + registry + " --unsigned'",
        refused(7, "plugin", "install", "fixtures"));
    assertEquals(0, lathe("registry", "add", "mine", registry.toString(), "--unsigned").exit());
    Result install = lathe("plugin", "install", "fixtures");
    assertEquals(0, install.exit(), install.toString());
    assertTrue(install.out().contains("from mine into"), install.toString());
  }

  @Test
  void apiRangeExcludingThisKernelExits3() throws IOException {
    release("fixtures", "2.0.0", "[9.0,)", null);
    writeIndex(keys);
    assertEquals("plugin 'fixtures': no version works with Lathe API 0.1.0 (2.0.0 needs "
        + "[9.0.0,))", refused(3, "plugin", "install", "fixtures"));
  }

  @Test
  void dependencyCycleExits3() throws IOException {
    release("sphere", "1.1.0", "[0.1,1.0)", "fixtures@[1.0,2.0)");
    writeIndex(keys);
    assertEquals("dependency cycle: fixtures 1.0.0 -> sphere 1.1.0 -> fixtures 1.0.0",
        refused(3, "plugin", "install", "fixtures", "sphere@[1.1,2.0)"));
  }

  @Test
  void missingDependencyExits3() throws IOException {
    release("fixtures", "1.0.0", "[0.1,1.0)", "ghost@[1.0,2.0)");
    writeIndex(keys);
    assertEquals("missing dependency: plugin 'ghost' (needed by fixtures 1.0.0) is not in "
        + "registry " + registry, refused(3, "plugin", "install", "fixtures"));
  }

  @Test
  void unreachableRegistryExits5() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/lathe/";
    assertTrue(refused(5, "plugin", "install", "fixtures", "--registry", url)
        .startsWith("registry " + url + " is unreachable: ConnectException"));
  }

  @Test
  void idThatCollidesWithABuiltInPluginExits3() throws IOException {
    release("memory", "1.0.0", "[0.1,1.0)", null);
    writeIndex(keys);
    assertEquals("plugin id 'memory' collides with a built-in plugin's id; a registry plugin "
        + "may not replace a built-in one", refused(3, "plugin", "install", "memory"));
  }
}
