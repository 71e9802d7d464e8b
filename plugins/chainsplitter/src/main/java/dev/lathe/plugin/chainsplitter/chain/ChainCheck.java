package dev.lathe.plugin.chainsplitter.chain;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * Walks a chain block by block, oldest first, and says what is wrong with the first block that
 * fails: bytes that are not a block, an index out of place, a hash that is not its header's, a
 * Merkle root that is not its records', or a previous hash that is not the previous block's.
 * Other copies of a block (from another tier) are checked against the first. O(bytes).
 */
public final class ChainCheck {

  private long nextIndex;
  private byte[] previousHash = Block.GENESIS_PREVIOUS;
  private Block last;
  private long records;

  /**
   * Checks the next block of the chain from its stored bytes.
   *
   * @return the block, or the problem if it fails
   */
  public Outcome next(byte[] bytes) {
    Block b;
    try {
      b = Block.decode(bytes);
    } catch (CorruptBlockException e) {
      return Outcome.failed("the block " + e.getMessage());
    }
    if (b.index() != nextIndex) {
      return Outcome.failed("holds index " + b.index() + " where block " + nextIndex
          + " belongs");
    }
    Optional<String> own = b.selfCheck();
    if (own.isPresent()) {
      return Outcome.failed(own.get());
    }
    if (!MessageDigest.isEqual(b.previousHash(), previousHash)) {
      return Outcome.failed("its previous hash " + Sha256.hex(b.previousHash())
          + " does not link to block " + (nextIndex - 1) + " (" + Sha256.hex(previousHash) + ")");
    }
    nextIndex++;
    previousHash = b.hash();
    last = b;
    records += b.records().size();
    return Outcome.ok(b);
  }

  /**
   * Checks another stored copy of the block that {@link #next} accepted last.
   *
   * @return the problem if this copy differs from it or fails on its own
   */
  public Optional<String> copy(byte[] bytes) {
    Block b;
    try {
      b = Block.decode(bytes);
    } catch (CorruptBlockException e) {
      return Optional.of("the block " + e.getMessage());
    }
    Optional<String> own = b.selfCheck();
    if (own.isPresent()) {
      return own;
    }
    if (!b.sameAs(last)) {
      return Optional.of("differs from the copy in the other tier (hash " + Sha256.hex(b.hash())
          + " vs " + Sha256.hex(last.hash()) + ")");
    }
    return Optional.empty();
  }

  /** How many blocks passed. */
  public long blocks() {
    return nextIndex;
  }

  /** How many records the passed blocks hold. */
  public long records() {
    return records;
  }

  /** The hash of the last block that passed; 32 zero bytes if none did. */
  public byte[] head() {
    return previousHash.clone();
  }

  /**
   * What checking one block showed.
   *
   * @param block the block, if it passed
   * @param problem what failed, if it did not
   */
  public record Outcome(Optional<Block> block, Optional<String> problem) {

    static Outcome ok(Block b) {
      return new Outcome(Optional.of(b), Optional.empty());
    }

    static Outcome failed(String problem) {
      return new Outcome(Optional.empty(), Optional.of(problem));
    }

    /** Whether the block passed. */
    public boolean passed() {
      return block.isPresent();
    }
  }
}
