package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The public keys whose signatures a user accepts: every {@code *.pub} file in one folder,
 * {@code ~/.lathe/trusted-keys} by default, by key id.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TrustedKeys {

  private final Path folder;
  private final Map<String, PublicKey> byId;

  private TrustedKeys(Path folder, Map<String, PublicKey> byId) {
    this.folder = folder;
    this.byId = byId;
  }

  /**
   * The keys in {@code folder}; a missing folder holds none.
   *
   * @throws RegistryException naming the file if one of them is not an Ed25519 public key
   */
  public static TrustedKeys in(Path folder) {
    Map<String, PublicKey> byId = new TreeMap<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pub"))
            .sorted().toList()) {
          PublicKey key = SigningKeys.readPublicKey(file);
          byId.put(SigningKeys.keyId(key), key);
        }
      } catch (IOException e) {
        throw new RegistryException(RegistryException.Kind.IO,
            "trusted keys folder " + folder + " cannot be listed: " + e, e);
      }
    }
    return new TrustedKeys(folder, byId);
  }

  /** Trust in {@code key} alone, held in memory: the publisher's check of its own index. */
  static TrustedKeys only(PublicKey key) {
    Map<String, PublicKey> byId = new TreeMap<>();
    byId.put(SigningKeys.keyId(key), key);
    return new TrustedKeys(null, byId);
  }

  /** The trusted key with id {@code keyId}, if any. */
  public Optional<PublicKey> find(String keyId) {
    return Optional.ofNullable(byId.get(keyId));
  }

  /** The ids of the trusted keys, sorted. */
  public Set<String> ids() {
    return byId.keySet();
  }

  /**
   * Trusts the public key in {@code publicKeyFile}: copies it into the folder as
   * {@code <key id>.pub}.
   *
   * @return the key's id
   */
  public String trust(Path publicKeyFile) throws IOException {
    PublicKey key = SigningKeys.readPublicKey(publicKeyFile);
    String id = SigningKeys.keyId(key);
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, ".trust", ".tmp");
    SigningKeys.writePublicKey(key, temporary);
    Files.move(temporary, folder.resolve(id + ".pub"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    byId.put(id, key);
    return id;
  }
}
