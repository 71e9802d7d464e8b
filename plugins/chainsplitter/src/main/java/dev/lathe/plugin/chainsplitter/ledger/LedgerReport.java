package dev.lathe.plugin.chainsplitter.ledger;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What walking a chain across both tiers showed.
 *
 * @param intact whether every block passed
 * @param blocks how many blocks passed
 * @param records how many records the passed blocks hold, plus the journalled ones
 * @param failedBlock the index of the first block that failed, if one did
 * @param detail what was checked, or which block failed, in which tier, and why
 */
public record LedgerReport(boolean intact, long blocks, long records, OptionalLong failedBlock,
    String detail) {

  /** Checks the parts. */
  public LedgerReport {
    Objects.requireNonNull(failedBlock, "failedBlock");
    Objects.requireNonNull(detail, "detail");
  }
}
