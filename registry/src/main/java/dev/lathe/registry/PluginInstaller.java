package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, removes and verifies the registry plugins of one plugins directory, each change as
 * one transaction that an interruption at any point (even {@code kill -9}) cannot leave half
 * done.
 *
 * <p>A transaction first stages everything in a hidden folder {@code .install-*} inside the
 * plugins directory (which the kernel's discovery ignores): each archive is downloaded there and
 * checked against the index (size, SHA-256, a readable plugin jar whose {@code Plugin-Id},
 * {@code Plugin-Version} and extension points are the index's). Only then is its plan written,
 * to a temporary name and renamed to {@code plan.json}: that rename is the commit. Applying the
 * plan renames each staged jar into the plugins directory, deletes the jars it replaces, and
 * renames the new {@value #RECORD_FILE} (the record of every installed plugin's size and
 * SHA-256) into place; every step is a rename or a delete that can be repeated. Every operation
 * first takes the lock file {@value #LOCK_FILE} and recovers interrupted transactions: a staging
 * folder without a plan is deleted (the installed set is as it was), one with a plan is applied
 * to its end.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PluginInstaller {

  /** The record of installed plugins in the plugins directory. */
  public static final String RECORD_FILE = "lathe-installed.json";

  /** The lock file that serialises changes to the plugins directory. */
  public static final String LOCK_FILE = ".lathe-install.lock";

  private static final String STAGING_PREFIX = ".install-";
  private static final String PLAN = "plan.json";
  private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;

  /** An installer for the plugins directory {@code directory}, which need not exist yet. */
  public PluginInstaller(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
  }

  /** The plugins directory. */
  public Path directory() {
    return directory;
  }

  /**
   * What {@link #verify()} found wrong with one installed plugin.
   *
   * @param id the plugin's id
   * @param file its jar's path
   * @param reason what is wrong, e.g. its SHA-256 differs from the one recorded at install
   */
  public record Problem(String id, String file, String reason) {
    @Override
    public String toString() {
      return "plugin '" + id + "' (" + file + "): " + reason;
    }
  }

  /** The plugins installed from registries, by id, after recovering interrupted changes. */
  public List<InstalledPlugin> installed() {
    return locked(this::readRecords);
  }

  /** The jar and zip files in the plugins directory that no registry installed, by name. */
  public List<String> unmanaged() {
    return locked(() -> {
      Set<String> recorded = readRecords().stream().map(InstalledPlugin::file)
          .collect(Collectors.toSet());
      return pluginFiles().stream().filter(name -> !recorded.contains(name)).toList();
    });
  }

  /**
   * Downloads, verifies and installs what {@code resolution} chose from {@code registry}, as one
   * transaction.
   *
   * @return the records of the plugins installed
   * @throws RegistryException naming the plugin and archive if a download fails
   *     ({@code IO}), differs from the index ({@code CORRUPT}) or is not the plugin the index
   *     describes ({@code PLUGIN}); the plugins directory is then unchanged
   */
  public List<InstalledPlugin> install(Registry registry, Resolver.Resolution resolution) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Kind.IO,
          "plugins directory " + directory + " cannot be created: " + e, e);
    }
    return locked(() -> {
      Path staging = Files.createTempDirectory(directory, STAGING_PREFIX);
      boolean committed = false;
      try {
        List<InstalledPlugin> added = new ArrayList<>();
        for (PluginRelease release : resolution.install()) {
          Path file = staging.resolve(release.fileName());
          LOG.debug("downloading {} from {}", release, registry.archiveLocation(release));
          long size = registry.download(release, file);
          check(registry, release, file, size);
          try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
          }
          LOG.debug("verified {} in {}", release, file);
          added.add(InstalledPlugin.of(release, registry.location().name()));
        }
        Map<String, InstalledPlugin> records = byId(readRecords());
        Set<String> deletes = new LinkedHashSet<>();
        for (InstalledPlugin old : resolution.replaced()) {
          records.remove(old.id());
          deletes.add(old.file());
        }
        for (InstalledPlugin plugin : added) {
          records.put(plugin.id(), plugin);
          deletes.remove(plugin.file());
        }
        commit(staging, added.stream().map(InstalledPlugin::file).toList(),
            List.copyOf(deletes), records.values());
        committed = true;
        apply(staging);
        return added;
      } finally {
        if (!committed) {
          deleteTree(staging);
        }
      }
    });
  }

  /**
   * Removes the registry plugin {@code id}.
   *
   * @return its record
   * @throws RegistryException of kind {@code PLUGIN} if it is not installed from a registry, or
   *     if another installed plugin depends on it
   */
  public InstalledPlugin remove(String id) {
    return locked(() -> {
      Map<String, InstalledPlugin> records = byId(readRecords());
      InstalledPlugin plugin = records.remove(id);
      if (plugin == null) {
        throw new RegistryException(RegistryException.Kind.PLUGIN, "plugin '" + id
            + "' is not installed from a registry in " + directory + " (installed: "
            + (records.isEmpty() ? "none" : String.join(", ", records.keySet())) + ")");
      }
      List<String> dependents = records.values().stream()
          .filter(p -> p.dependencies().containsKey(id)).map(InstalledPlugin::toString).toList();
      if (!dependents.isEmpty()) {
        throw new RegistryException(RegistryException.Kind.PLUGIN, "plugin '" + id
            + "' is needed by " + String.join(", ", dependents) + "; remove that first");
      }
      Path staging = Files.createTempDirectory(directory, STAGING_PREFIX);
      commit(staging, List.of(), List.of(plugin.file()), records.values());
      apply(staging);
      return plugin;
    });
  }

  /**
   * Re-checks every installed registry plugin against the size and SHA-256 recorded at install.
   *
   * @return what is wrong, in record order; empty if all is well
   */
  public List<Problem> verify() {
    return locked(() -> {
      List<Problem> problems = new ArrayList<>();
      for (InstalledPlugin plugin : readRecords()) {
        Path file = directory.resolve(plugin.file());
        if (!Files.isRegularFile(file)) {
          problems.add(new Problem(plugin.id(), file.toString(), "the jar is missing"));
          continue;
        }
        long size = Files.size(file);
        String sha256 = sha256(file);
        if (size != plugin.size() || !sha256.equals(plugin.sha256())) {
          problems.add(new Problem(plugin.id(), file.toString(), "has SHA-256 " + sha256 + " ("
              + size + " bytes), recorded at install " + plugin.sha256() + " (" + plugin.size()
              + " bytes): it was changed after install"));
        }
      }
      return problems;
    });
  }

  /** Checks a downloaded archive against its release; throws what is wrong. */
  private static void check(Registry registry, PluginRelease release, Path file, long size)
      throws IOException {
    String where = "plugin '" + release.id() + "' " + release.version() + ": archive "
        + registry.archiveLocation(release);
    if (size != release.size()) {
      throw new RegistryException(RegistryException.Kind.CORRUPT, where + " has "
          + (size > release.size() ? "more than " + release.size() : String.valueOf(size))
          + " bytes, the index says " + release.size()
          + (size < release.size() ? " (truncated)" : ""));
    }
    String sha256 = sha256(file);
    if (!sha256.equals(release.sha256())) {
      throw new RegistryException(RegistryException.Kind.CORRUPT, where + " has SHA-256 "
          + sha256 + ", the index says " + release.sha256());
    }
    PluginArchive archive;
    try {
      archive = PluginArchive.read(file);
    } catch (RegistryException e) {
      String what = e.getMessage().replace("archive " + file, "").replaceFirst("^:?\\s*", "");
      throw new RegistryException(e.kind(), where + (what.startsWith("is ") ? " " : ": ") + what,
          e);
    }
    if (!archive.id().equals(release.id())) {
      throw new RegistryException(RegistryException.Kind.PLUGIN, where + " has Plugin-Id '"
          + archive.id() + "', the index says '" + release.id() + "'");
    }
    if (!archive.version().equals(release.version())) {
      throw new RegistryException(RegistryException.Kind.PLUGIN, where + " has Plugin-Version "
          + archive.version() + ", the index says " + release.version());
    }
    if (!Set.copyOf(archive.points()).equals(release.provides().keySet())) {
      throw new RegistryException(RegistryException.Kind.PLUGIN, where + " fills "
          + labels(archive.points()) + ", the index says " + labels(release.provides().keySet()));
    }
  }

  private static String labels(Collection<ExtensionPoint> points) {
    return points.stream().sorted().map(ExtensionPoint::label).toList().toString();
  }

  /** Writes the plan and renames it into place: the commit point of a transaction. */
  private void commit(Path staging, List<String> moves, List<String> deletes,
      Collection<InstalledPlugin> records) throws IOException {
    ObjectNode plan = JSON.createObjectNode();
    moves.forEach(plan.putArray("moves")::add);
    deletes.forEach(plan.putArray("deletes")::add);
    plan.set("records", recordsJson(records));
    Path temporary = staging.resolve(PLAN + ".tmp");
    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(JSON.writeValueAsBytes(plan)));
      out.force(true);
    }
    Files.move(temporary, staging.resolve(PLAN), StandardCopyOption.ATOMIC_MOVE);
    LOG.debug("committed {}: moves {}, deletes {}", staging, moves, deletes);
  }

  /** Applies a committed plan; every step may be repeated after an interruption. */
  private void apply(Path staging) throws IOException {
    JsonNode plan = JSON.readTree(staging.resolve(PLAN).toFile());
    for (JsonNode move : plan.path("moves")) {
      Path staged = staging.resolve(move.asText());
      if (Files.exists(staged)) {
        Files.move(staged, directory.resolve(move.asText()), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        LOG.debug("moved {} into {}", move.asText(), directory);
      }
    }
    for (JsonNode delete : plan.path("deletes")) {
      Files.deleteIfExists(directory.resolve(delete.asText()));
    }
    Path records = staging.resolve(RECORD_FILE);
    Files.write(records, JSON.writeValueAsBytes(plan.path("records")));
    Files.move(records, directory.resolve(RECORD_FILE), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    deleteTree(staging);
    LOG.debug("applied {}", staging);
  }

  /** Finishes committed transactions and discards uncommitted ones. */
  private void recover() throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    List<Path> stagings;
    try (Stream<Path> listing = Files.list(directory)) {
      stagings = listing.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX))
          .filter(Files::isDirectory).sorted().toList();
    }
    for (Path staging : stagings) {
      if (Files.exists(staging.resolve(PLAN))) {
        LOG.info("finishing the interrupted plugin change {}", staging);
        apply(staging);
      } else {
        LOG.info("discarding the interrupted plugin change {}", staging);
        deleteTree(staging);
      }
    }
  }

  private List<InstalledPlugin> readRecords() throws IOException {
    Path file = directory.resolve(RECORD_FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<InstalledPlugin> records = new ArrayList<>();
    JsonNode doc = JSON.readTree(file.toFile());
    try {
      for (JsonNode p : doc.path("plugins")) {
        Map<ExtensionPoint, List<String>> provides = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> points = p.path("extension_points").fields();
        while (points.hasNext()) {
          Map.Entry<String, JsonNode> point = points.next();
          List<String> ids = new ArrayList<>();
          point.getValue().forEach(id -> ids.add(id.asText()));
          provides.put(ExtensionPoints.fromLabel(point.getKey()), ids);
        }
        Map<String, VersionRange> dependencies = new LinkedHashMap<>();
        p.path("dependencies").fields().forEachRemaining(
            d -> dependencies.put(d.getKey(), VersionRange.parse(d.getValue().asText())));
        records.add(new InstalledPlugin(p.path("id").asText(),
            Version.parse(p.path("version").asText()), p.path("file").asText(),
            p.path("size").asLong(), p.path("sha256").asText(), p.path("registry").asText(),
            provides, dependencies));
      }
    } catch (IllegalArgumentException e) {
      throw new RegistryException(RegistryException.Kind.IO,
          file + ": malformed record of installed plugins: " + e.getMessage(), e);
    }
    return records;
  }

  private static JsonNode recordsJson(Collection<InstalledPlugin> records) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format", 1);
    ArrayNode list = doc.putArray("plugins");
    records.stream().sorted(Comparator.comparing(InstalledPlugin::id)).forEach(p -> {
      ObjectNode n = list.addObject();
      n.put("id", p.id()).put("version", p.version().toString()).put("file", p.file())
          .put("size", p.size()).put("sha256", p.sha256()).put("registry", p.registry());
      ObjectNode points = n.putObject("extension_points");
      new TreeMap<>(p.provides()).forEach((point, ids) ->
          ids.forEach(points.withArray(point.label())::add));
      ObjectNode dependencies = n.putObject("dependencies");
      new TreeMap<>(p.dependencies()).forEach((id, range) ->
          dependencies.put(id, range.toString()));
    });
    return doc;
  }

  private static Map<String, InstalledPlugin> byId(List<InstalledPlugin> records) {
    Map<String, InstalledPlugin> byId = new TreeMap<>();
    records.forEach(r -> byId.put(r.id(), r));
    return byId;
  }

  private List<String> pluginFiles() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".")
              && (name.toLowerCase(Locale.ROOT).endsWith(".jar")
                  || name.toLowerCase(Locale.ROOT).endsWith(".zip")))
          .sorted().toList();
    }
  }

  /** The SHA-256 of {@code file}, as 64 lower-case hex digits. */
  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Work done under the lock of the plugins directory, after recovery. */
  private interface Locked<T> {
    T run() throws IOException;
  }

  private <T> T locked(Locked<T> work) {
    try {
      if (!Files.isDirectory(directory)) {
        return work.run();
      }
      try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock lock = tryLock(channel)) {
        recover();
        return work.run();
      }
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Kind.IO,
          "plugins directory " + directory + ": " + e, e);
    }
  }

  private FileLock tryLock(FileChannel channel) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new RegistryException(RegistryException.Kind.IO, "another 'lathe plugin' command is "
          + "changing " + directory + "; try again when it has finished");
    }
    return lock;
  }
}
