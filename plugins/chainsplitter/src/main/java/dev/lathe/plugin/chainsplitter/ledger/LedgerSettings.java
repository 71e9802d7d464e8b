package dev.lathe.plugin.chainsplitter.ledger;

import java.time.Duration;
import java.util.Objects;

/**
 * How a ledger seals, keeps and ships its blocks.
 *
 * @param blockSize records per block; a block is sealed when this many are journalled
 * @param sealInterval a partial block is sealed once its first record is this old; zero: only
 *     by size (and on close)
 * @param window sealed blocks that the overlay keeps after the cloud tier holds them (W), at
 *     least 1: the newest block always stays local, so sealing never needs the cloud
 * @param maxBacklog sealed blocks that may wait for the cloud tier before new records are refused
 * @param syncRetry how long to wait after a failed sync before an append tries again
 * @param fsync whether block files and the journal are forced to stable storage as written
 */
public record LedgerSettings(int blockSize, Duration sealInterval, int window, int maxBacklog,
    Duration syncRetry, boolean fsync) {

  /** Checks the parts. */
  public LedgerSettings {
    Objects.requireNonNull(sealInterval, "sealInterval");
    Objects.requireNonNull(syncRetry, "syncRetry");
    if (blockSize < 1 || window < 1 || maxBacklog < 1) {
      throw new IllegalArgumentException("block size " + blockSize + ", window " + window
          + " and max backlog " + maxBacklog + " must each be at least 1");
    }
    if (sealInterval.isNegative() || syncRetry.isNegative()) {
      throw new IllegalArgumentException("seal interval and sync retry must not be negative");
    }
  }
}
