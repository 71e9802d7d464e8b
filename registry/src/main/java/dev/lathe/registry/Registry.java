package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opened registry: its location and its index, whose signature has been verified (or which
 * its user trusts unsigned). Reads {@code index.json}, {@code index.json.sig} and the archives
 * from a folder, or from a static HTTP(S) host with {@link HttpClient}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Registry {

  private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final RegistryLocation location;
  private final RegistryIndex index;
  private final Optional<String> keyId;
  private final HttpClient http;

  private Registry(RegistryLocation location, RegistryIndex index, Optional<String> keyId,
      HttpClient http) {
    this.location = location;
    this.index = index;
    this.keyId = keyId;
    this.http = http;
  }

  /**
   * Reads and verifies the index at {@code location}.
   *
   * @throws RegistryException of kind {@code IO} if the registry cannot be reached or has no
   *     index, {@code UNTRUSTED} if the index is unsigned (and the registry is not trusted
   *     unsigned) or its signature fails, {@code PLUGIN} if the index is malformed
   */
  public static Registry open(RegistryLocation location, TrustedKeys trusted) {
    Objects.requireNonNull(location, "location");
    HttpClient http = location.isHttp()
        ? HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build()
        : null;
    Registry reader = new Registry(location, null, Optional.empty(), http);
    byte[] json = reader.read(RegistryIndex.FILE_NAME).orElseThrow(() -> new RegistryException(
        RegistryException.Kind.IO, "registry " + location + " has no " + RegistryIndex.FILE_NAME));
    Optional<byte[]> signature = reader.read(IndexSignature.FILE_NAME);
    Optional<String> keyId = Optional.empty();
    if (signature.isPresent()) {
      try {
        keyId = Optional.of(IndexSignature.verify(json, signature.get(), trusted,
            "registry " + location));
      } catch (RegistryException e) {
        if (!location.unsigned()) {
          throw e;
        }
        LOG.warn("{}; using it because it is trusted unsigned", e.getMessage());
      }
    } else if (!location.unsigned()) {
      throw new RegistryException(RegistryException.Kind.UNTRUSTED, "registry " + location
          + " is unsigned (no " + IndexSignature.FILE_NAME + "); to use it all the same, add it "
          + "with 'lathe registry add NAME " + location.location() + " --unsigned'");
    }
    RegistryIndex index = RegistryIndex.parse(json,
        "registry " + location + " " + RegistryIndex.FILE_NAME);
    LOG.debug("registry {}: {} releases, signed by {}", location, index.releases().size(),
        keyId.orElse("nobody (trusted unsigned)"));
    return new Registry(location, index, keyId, http);
  }

  /** Where the registry is. */
  public RegistryLocation location() {
    return location;
  }

  /** Its verified index. */
  public RegistryIndex index() {
    return index;
  }

  /** The id of the key that signed its index; empty for a registry trusted unsigned. */
  public Optional<String> keyId() {
    return keyId;
  }

  /** Where {@code release}'s archive lies, as a path or URL. */
  public String archiveLocation(PluginRelease release) {
    String archive = release.archive();
    if (archive.contains("://")) {
      return archive;
    }
    return location.isHttp() ? location.baseUri().resolve(archive).toString()
        : location.folder().resolve(archive).toString();
  }

  /**
   * Copies {@code release}'s archive to {@code target}, reading at most one byte more than the
   * index's size so that an endless or oversized download stops early.
   *
   * @return how many bytes were written
   * @throws RegistryException of kind {@code IO} naming the archive if it cannot be read
   */
  public long download(PluginRelease release, Path target) {
    String where = archiveLocation(release);
    try (InputStream in = open(where);
         OutputStream out = Files.newOutputStream(target)) {
      long limit = release.size() + 1;
      byte[] buffer = new byte[64 * 1024];
      long written = 0;
      int n;
      while (written < limit
          && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - written))) > 0) {
        out.write(buffer, 0, n);
        written += n;
      }
      return written;
    } catch (NoSuchFileException e) {
      throw new RegistryException(RegistryException.Kind.IO, "plugin '" + release.id() + "' "
          + release.version() + ": archive " + where + " does not exist", e);
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Kind.IO, "plugin '" + release.id() + "' "
          + release.version() + ": cannot download " + where + ": " + e, e);
    }
  }

  private InputStream open(String where) throws IOException {
    if (!where.startsWith("http://") && !where.startsWith("https://")) {
      return Files.newInputStream(where.startsWith("file:") ? Path.of(URI.create(where))
          : Path.of(where));
    }
    HttpResponse<InputStream> response = send(URI.create(where));
    if (response.statusCode() != 200) {
      response.body().close();
      throw new IOException(where + ": the server answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  /** The bytes of the registry's file {@code name}; empty if it does not exist there. */
  private Optional<byte[]> read(String name) {
    if (!location.isHttp()) {
      Path folder = location.folder();
      if (!Files.isDirectory(folder)) {
        throw new RegistryException(RegistryException.Kind.IO,
            "registry " + location + " is unreachable: no such folder");
      }
      try {
        Path file = folder.resolve(name);
        return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
      } catch (IOException e) {
        throw new RegistryException(RegistryException.Kind.IO,
            "registry " + location + ": cannot read " + name + ": " + e, e);
      }
    }
    URI uri = location.baseUri().resolve(name);
    try {
      HttpResponse<InputStream> response = send(uri);
      try (InputStream body = response.body()) {
        if (response.statusCode() == 404) {
          return Optional.empty();
        }
        if (response.statusCode() != 200) {
          throw new RegistryException(RegistryException.Kind.IO, "registry " + location + ": "
              + uri + ": the server answered HTTP " + response.statusCode());
        }
        return Optional.of(body.readAllBytes());
      }
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Kind.IO,
          "registry " + location + " is unreachable: " + describe(e), e);
    }
  }

  private HttpResponse<InputStream> send(URI uri) throws IOException {
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + uri, e);
    }
  }

  /** The exception's type and the first message found along its causes. */
  private static String describe(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return e.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }
}
