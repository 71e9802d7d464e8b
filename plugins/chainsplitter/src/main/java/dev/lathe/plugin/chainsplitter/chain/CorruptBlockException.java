package dev.lathe.plugin.chainsplitter.chain;

import java.io.IOException;

/** Thrown when bytes that should hold a block do not; the message says what is malformed. */
public final class CorruptBlockException extends IOException {

  private static final long serialVersionUID = 1L;

  /** An exception whose message completes "the block …", e.g. "is truncated (12 bytes)". */
  public CorruptBlockException(String message) {
    super(message);
  }
}
