package dev.lathe.api.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A sealed block of a store that keeps its records in a hash chain, as
 * {@link ResultStore#blocks()} lists it and {@code lathe ledger show} prints it.
 *
 * @param index the block's position in the chain, from 0
 * @param sealed when the block was sealed
 * @param hash the block's hash, as lower-case hex
 * @param previousHash the previous block's hash, as lower-case hex
 * @param merkleRoot the root of the Merkle tree over the block's records, as lower-case hex
 * @param tier where the store holds the block, in the store's words (e.g. {@code overlay},
 *     {@code cloud}, {@code both})
 * @param records the trial records in the block, in order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Block(long index, Instant sealed, String hash, String previousHash,
    String merkleRoot, String tier, List<TrialRecord> records) {

  /** Checks the parts and copies the records. */
  public Block {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(merkleRoot, "merkleRoot");
    Objects.requireNonNull(tier, "tier");
    records = List.copyOf(records);
  }
}
