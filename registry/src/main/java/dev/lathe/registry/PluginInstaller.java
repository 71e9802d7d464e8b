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
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, removes and verifies the registry plugins of one plugins directory, each change as
 * one transaction: interrupted at any point, even by {@code kill -9}, it leaves the installed set
 * as it was.
 *
 * <p>A transaction first stages everything in a hidden folder {@code .install-*} inside the
 * plugins directory (which the kernel's discovery ignores): each archive is downloaded there,
 * checked against the index (size, SHA-256, a readable plugin jar whose {@code Plugin-Id},
 * {@code Plugin-Version} and extension points are the index's) and forced to disk, beside the new
 * {@value #RECORD_FILE} (the record of every installed plugin's size and SHA-256) and a copy of
 * the old one. Only then does it write its journal {@code journal.json} (to a temporary name,
 * forced, renamed) and change the plugins directory: it moves each jar it replaces or removes
 * into the staging folder, moves each new jar in, renames the new record into place, and finally
 * renames the journal to {@code done.json}, the transaction's commit. Every operation first takes
 * the lock file {@value #LOCK_FILE} and recovers interrupted transactions: a staging folder with
 * {@code done.json} or without a journal is deleted; one with a journal is rolled back (new jars
 * deleted, old jars and the old record moved back) and then deleted. Every step of a roll-back
 * may be repeated.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PluginInstaller {

  /** The record of installed plugins in the plugins directory. */
  public static final String RECORD_FILE = "lathe-installed.json";

  /** The lock file that serialises changes to the plugins directory. */
  public static final String LOCK_FILE = ".lathe-install.lock";

  private static final String STAGING_PREFIX = ".install-";
  private static final String JOURNAL = "journal.json";
  private static final String DONE = "done.json";
  private static final String OLD_RECORD = "old-" + RECORD_FILE;
  private static final String REPLACED = "replaced";
  private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final Consumer<String> steps;

  /** An installer for the plugins directory {@code directory}, which need not exist yet. */
  public PluginInstaller(Path directory) {
    this(directory, step -> { });
  }

  /**
   * An installer that tells {@code steps} of each step of a transaction as it is done (e.g.
   * {@code moved in x-1.0.0.jar}), after logging it at DEBUG.
   */
  PluginInstaller(Path directory, Consumer<String> steps) {
    this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    this.steps = Objects.requireNonNull(steps, "steps");
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

  /**
   * Whether the plugins directory holds the staging folder of a change that did not finish, or
   * finished without clearing it: then {@link #recoverInterruptedChanges()} is due.
   */
  public boolean hasInterruptedChanges() {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.anyMatch(p -> p.getFileName().toString().startsWith(STAGING_PREFIX));
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Kind.IO,
          "plugins directory " + directory + ": " + e, e);
    }
  }

  /**
   * Rolls back the changes that an interruption left unfinished (and clears finished ones), so
   * that the directory holds the installed set as it was before each change or as the change
   * committed it. Every operation of this class does it first; plugin discovery calls it when
   * {@link #hasInterruptedChanges()}.
   *
   * @throws RegistryException if another process holds the directory's lock or the files
   *     cannot be moved back
   */
  public void recoverInterruptedChanges() {
    locked(() -> null);
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
      boolean started = false;
      try {
        List<InstalledPlugin> added = new ArrayList<>();
        for (PluginRelease release : resolution.install()) {
          Path file = staging.resolve(release.fileName());
          LOG.debug("downloading {} from {}", release, registry.archiveLocation(release));
          long size = registry.download(release, file);
          check(registry, release, file, size);
          force(file);
          step("staged " + release);
          added.add(InstalledPlugin.of(release, registry.location().name()));
        }
        Map<String, InstalledPlugin> records = byId(readRecords());
        Set<String> replaced = new LinkedHashSet<>();
        for (InstalledPlugin old : resolution.replaced()) {
          records.remove(old.id());
          replaced.add(old.file());
        }
        for (InstalledPlugin plugin : added) {
          records.put(plugin.id(), plugin);
        }
        started = true;
        run(staging, added.stream().map(InstalledPlugin::file).toList(),
            List.copyOf(replaced), records.values());
        return added;
      } finally {
        if (!started) {
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
      run(Files.createTempDirectory(directory, STAGING_PREFIX), List.of(),
          List.of(plugin.file()), records.values());
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

  /**
   * Changes the plugins directory from {@code staging}, which holds the jars named in
   * {@code moves}: journal, then the old jars {@code replaced} out, the new jars in, the new
   * record in, and the journal renamed to {@value #DONE}; then the staging folder is deleted.
   */
  private void run(Path staging, List<String> moves, List<String> replaced,
      Collection<InstalledPlugin> records) throws IOException {
    Path record = directory.resolve(RECORD_FILE);
    if (Files.exists(record)) {
      Files.copy(record, staging.resolve(OLD_RECORD));
      force(staging.resolve(OLD_RECORD));
    }
    Files.write(staging.resolve(RECORD_FILE), JSON.writeValueAsBytes(recordsJson(records)));
    force(staging.resolve(RECORD_FILE));
    Files.createDirectory(staging.resolve(REPLACED));
    ObjectNode journal = JSON.createObjectNode();
    journal.put("had_record", Files.exists(record));
    moves.forEach(journal.putArray("moves")::add);
    replaced.forEach(journal.putArray("replaced")::add);
    Path temporary = staging.resolve(JOURNAL + ".tmp");
    Files.write(temporary, JSON.writeValueAsBytes(journal));
    force(temporary);
    Files.move(temporary, staging.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE);
    step("journal written");
    try {
      for (String name : replaced) {
        if (Files.exists(directory.resolve(name))) {
          Files.move(directory.resolve(name), staging.resolve(REPLACED).resolve(name),
              StandardCopyOption.ATOMIC_MOVE);
        }
        step("moved out " + name);
      }
      for (String name : moves) {
        Files.move(staging.resolve(name), directory.resolve(name),
            StandardCopyOption.ATOMIC_MOVE);
        step("moved in " + name);
      }
      Files.move(staging.resolve(RECORD_FILE), record, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      step("recorded");
      Files.move(staging.resolve(JOURNAL), staging.resolve(DONE),
          StandardCopyOption.ATOMIC_MOVE);
      step("done");
    } catch (IOException | RuntimeException e) {
      rollBack(staging);
      deleteTree(staging);
      throw e;
    }
    deleteTree(staging);
  }

  /**
   * Undoes or clears the transactions that an interruption left: a staging folder that is done
   * or has no journal is deleted; one with a journal is rolled back, then deleted.
   */
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
      if (Files.exists(staging.resolve(JOURNAL)) && !Files.exists(staging.resolve(DONE))) {
        LOG.info("rolling back the interrupted plugin change {}", staging);
        rollBack(staging);
      } else {
        LOG.info("clearing the interrupted plugin change {}", staging);
      }
      deleteTree(staging);
    }
  }

  /** Puts back the jars and the record that the journal's transaction found; repeatable. */
  private void rollBack(Path staging) throws IOException {
    JsonNode journal = JSON.readTree(staging.resolve(JOURNAL).toFile());
    for (JsonNode move : journal.path("moves")) {
      if (!Files.exists(staging.resolve(move.asText()))) {
        Files.deleteIfExists(directory.resolve(move.asText()));
      }
    }
    for (JsonNode name : journal.path("replaced")) {
      Path saved = staging.resolve(REPLACED).resolve(name.asText());
      if (Files.exists(saved)) {
        Files.move(saved, directory.resolve(name.asText()), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path oldRecord = staging.resolve(OLD_RECORD);
    if (journal.path("had_record").asBoolean()) {
      if (Files.exists(oldRecord)) {
        Files.move(oldRecord, directory.resolve(RECORD_FILE), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
    } else if (!Files.exists(staging.resolve(RECORD_FILE))) {
      Files.deleteIfExists(directory.resolve(RECORD_FILE));
    }
  }

  private void step(String what) {
    LOG.debug("{}: {}", directory, what);
    steps.accept(what);
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
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
