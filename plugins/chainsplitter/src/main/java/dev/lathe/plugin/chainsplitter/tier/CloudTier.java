package dev.lathe.plugin.chainsplitter.tier;

import dev.lathe.plugin.chainsplitter.chain.Block;
import java.io.IOException;
import java.util.Optional;

/**
 * Where the older blocks of one chain live. A tier verifies each block on arrival and keeps the
 * chain contiguous from block 0; an {@link IOException} other than
 * {@link RejectedBlockException} means the tier could not be reached, and the caller may retry.
 */
public interface CloudTier extends AutoCloseable {

  /** Where the tier is, for messages, without credentials, e.g. {@code jdbc:sqlite:/data/c.db}. */
  String location();

  /** The newest block the tier holds for this chain, or empty if none. */
  Optional<Head> head() throws IOException;

  /**
   * Stores {@code block} after checking it on arrival: its hash and Merkle root, its index one
   * past the head, its previous hash the head's hash. Storing a block that the tier holds with
   * the same bytes again does nothing, so a sync that was cut off can simply be repeated.
   *
   * @throws RejectedBlockException if the block fails a check or conflicts with a stored one
   */
  void put(Block block) throws IOException;

  /** The stored bytes of block {@code index}, or empty if the tier does not hold it. */
  Optional<byte[]> read(long index) throws IOException;

  /** The bytes of every block of this chain in the tier. */
  long storedBytes() throws IOException;

  @Override
  void close() throws IOException;

  /**
   * The newest block of a chain in a tier.
   *
   * @param index its index
   * @param hash its hash
   */
  record Head(long index, byte[] hash) {}
}
