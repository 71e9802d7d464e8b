package dev.lathe.api.store;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The kernel's canonical encoding of trial records (one line of UTF-8 JSON, no line breaks),
 * which stores use so that every store writes the same bytes for the same record.
 */
@API(status = STABLE, since = "0.1")
public interface RecordCodec {

  /** The record as one line of JSON, without a trailing newline. */
  byte[] encode(TrialRecord record);

  /**
   * The record encoded in {@code json}.
   *
   * @throws IllegalArgumentException if the bytes are not an encoded record
   */
  TrialRecord decode(byte[] json);
}
