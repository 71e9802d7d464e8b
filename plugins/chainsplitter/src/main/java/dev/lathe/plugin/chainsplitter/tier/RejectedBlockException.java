package dev.lathe.plugin.chainsplitter.tier;

import java.io.IOException;

/** Thrown when a cloud tier refuses a block on arrival; the message names the block and why. */
public final class RejectedBlockException extends IOException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the tier, the block and the failed check. */
  public RejectedBlockException(String message) {
    super(message);
  }
}
