package dev.lathe.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A failure that Lathe reports to its user in one line: what is wrong and where (file, key,
 * plugin), with the exit code that the {@code lathe} command returns for it.
 */
@API(status = STABLE, since = "0.1")
public class LatheException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Exit codes of the {@code lathe} command, as documented in {@code docs/cli.md}. */
  public enum Kind {
    /** The experiment file, a setting or a command-line argument is wrong. */
    CONFIGURATION(2),
    /** A plugin is missing, incompatible or broken. */
    PLUGIN(3),
    /** The experiment ran but could not finish, e.g. every trial failed or the store broke. */
    EXPERIMENT(4),
    /** Reading or writing files failed. */
    IO(5),
    /** A reproduction ran and at least one claim did not reproduce. */
    NOT_REPRODUCED(6),
    /**
     * Something that must verify did not: a plugin registry's index is unsigned, wrongly signed
     * or signed by an untrusted key, or a result store is not intact.
     */
    NOT_VERIFIED(7);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    /** The process exit code for this kind. */
    public int exitCode() {
      return exitCode;
    }
  }

  private final Kind kind;

  /** A failure of {@code kind} with a one-line message. */
  public LatheException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** A failure of {@code kind} with a one-line message and its cause. */
  public LatheException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** A configuration error located at {@code where} (a file, possibly with a key). */
  public static LatheException config(String where, String message) {
    return new LatheException(Kind.CONFIGURATION, where + ": " + message);
  }

  /** What kind of failure this is. */
  public Kind kind() {
    return kind;
  }
}
