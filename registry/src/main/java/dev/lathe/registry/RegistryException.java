package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A registry operation that was refused or failed, with a one-line message naming what is wrong
 * and where (registry, plugin, archive, file), and the kind of failure. Nothing in the plugins
 * directory has changed when it is thrown.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure it is; the command line maps each to an exit code. */
  public enum Kind {
    /** A plugin, version or dependency is missing, incompatible, conflicting or malformed. */
    PLUGIN,
    /** An index is unsigned, wrongly signed or signed by a key that is not trusted. */
    UNTRUSTED,
    /** A registry cannot be reached or read, or a download or file operation failed. */
    IO,
    /** A downloaded archive differs from what the index says (size or SHA-256). */
    CORRUPT,
    /** A command-line value or a configuration file is wrong. */
    USAGE
  }

  private final Kind kind;

  /** A failure of {@code kind} with a one-line message. */
  public RegistryException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** A failure of {@code kind} with a one-line message and its cause. */
  public RegistryException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** What kind of failure this is. */
  public Kind kind() {
    return kind;
  }
}
