package dev.lathe.core.internal.cli;

import dev.lathe.core.LatheException;
import dev.lathe.registry.Registries;
import dev.lathe.registry.RegistryException;
import dev.lathe.registry.TrustedKeys;
import java.nio.file.Path;

/**
 * Where the registry commands keep their state ({@code ~/.lathe/registries.json} and
 * {@code ~/.lathe/trusted-keys/}) and how their failures become exit codes.
 */
final class RegistryAccess {

  private RegistryAccess() {}

  /** Lathe's folder in the user's home: {@code ~/.lathe}. */
  static Path home() {
    return Path.of(System.getProperty("user.home"), ".lathe");
  }

  /** The configured registries. */
  static Registries registries() {
    return Registries.in(home().resolve("registries.json"));
  }

  /** The trusted public keys. */
  static TrustedKeys trustedKeys() {
    return TrustedKeys.in(home().resolve("trusted-keys"));
  }

  /**
   * The failure as the command line reports it: a bad plugin exits 3, a download that differs
   * from the index or an I/O failure 5, an untrusted index 7, a bad argument 2.
   */
  static LatheException failure(RegistryException e) {
    LatheException.Kind kind = switch (e.kind()) {
      case PLUGIN -> LatheException.Kind.PLUGIN;
      case UNTRUSTED -> LatheException.Kind.NOT_VERIFIED;
      case IO, CORRUPT -> LatheException.Kind.IO;
      case USAGE -> LatheException.Kind.CONFIGURATION;
    };
    return new LatheException(kind, e.getMessage(), e);
  }
}
