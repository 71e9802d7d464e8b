package dev.lathe.plugin.chainsplitter.ledger;

import java.io.IOException;

/**
 * Thrown when a record is refused because too many sealed blocks wait for an unreachable cloud
 * tier; the record was not stored. The message names the tier, the backlog and the last failure.
 */
public final class BacklogFullException extends IOException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message that says what was refused and why. */
  public BacklogFullException(String message) {
    super(message);
  }
}
