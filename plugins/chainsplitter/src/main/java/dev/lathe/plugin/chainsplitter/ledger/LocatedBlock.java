package dev.lathe.plugin.chainsplitter.ledger;

import dev.lathe.plugin.chainsplitter.chain.Block;
import java.util.Locale;

/**
 * A block and where the ledger holds it.
 *
 * @param block the block
 * @param where the tiers that hold it
 */
public record LocatedBlock(Block block, Where where) {

  /** Which tiers hold a block. */
  public enum Where {
    /** Only the local overlay: sealed, not yet shipped. */
    OVERLAY,
    /** Only the cloud tier: shipped and evicted from the overlay. */
    CLOUD,
    /** Both: shipped and still within the overlay's window. */
    BOTH;

    /** The name in lower case, as {@code lathe ledger show} prints it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
