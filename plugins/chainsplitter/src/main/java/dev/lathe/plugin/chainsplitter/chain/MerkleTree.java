package dev.lathe.plugin.chainsplitter.chain;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash of a block's records and audit proofs of single records, as in
 * Certificate Transparency (RFC 6962, section 2.1): a leaf hashes {@code 0x00 || record}, an inner
 * node {@code 0x01 || left || right}, the tree splits at the largest power of two below its size,
 * so a node never pairs with a copy of itself (which would let two record lists share a root).
 * The root of no records is the hash of nothing. Root: O(n) hashes; proof: O(log n) hashes.
 */
public final class MerkleTree {

  private MerkleTree() {}

  /** One step of an audit proof: the sibling's hash and whether it lies left of the path. */
  public record ProofStep(byte[] sibling, boolean siblingOnLeft) {}

  /** The root hash over {@code records}, in order. */
  public static byte[] root(List<byte[]> records) {
    if (records.isEmpty()) {
      return Sha256.of(new byte[0]);
    }
    List<byte[]> level = new ArrayList<>(records.size());
    for (byte[] r : records) {
      level.add(leaf(r));
    }
    return subtree(level, 0, level.size());
  }

  /**
   * The audit proof that record {@code index} of {@code records} is under their root, from the
   * leaf upwards.
   */
  public static List<ProofStep> proof(List<byte[]> records, int index) {
    if (index < 0 || index >= records.size()) {
      throw new IndexOutOfBoundsException("record " + index + " of " + records.size());
    }
    List<byte[]> leaves = new ArrayList<>(records.size());
    for (byte[] r : records) {
      leaves.add(leaf(r));
    }
    List<ProofStep> path = new ArrayList<>();
    collect(leaves, 0, leaves.size(), index, path);
    return path;
  }

  /** Whether {@code proof} shows {@code record} under {@code root}. */
  public static boolean verify(byte[] record, List<ProofStep> proof, byte[] root) {
    byte[] h = leaf(record);
    for (ProofStep step : proof) {
      h = step.siblingOnLeft() ? node(step.sibling(), h) : node(h, step.sibling());
    }
    return MessageDigest.isEqual(h, root);
  }

  private static void collect(List<byte[]> leaves, int from, int to, int index,
      List<ProofStep> path) {
    if (to - from == 1) {
      return;
    }
    int split = from + largestPowerOfTwoBelow(to - from);
    if (index < split) {
      collect(leaves, from, split, index, path);
      path.add(new ProofStep(subtree(leaves, split, to), false));
    } else {
      collect(leaves, split, to, index, path);
      path.add(new ProofStep(subtree(leaves, from, split), true));
    }
  }

  private static byte[] subtree(List<byte[]> leaves, int from, int to) {
    if (to - from == 1) {
      return leaves.get(from);
    }
    int split = from + largestPowerOfTwoBelow(to - from);
    return node(subtree(leaves, from, split), subtree(leaves, split, to));
  }

  /** The largest power of two strictly below {@code n}, for {@code n >= 2}. */
  private static int largestPowerOfTwoBelow(int n) {
    return Integer.highestOneBit(n - 1);
  }

  private static byte[] leaf(byte[] record) {
    MessageDigest d = Sha256.digest();
    d.update((byte) 0);
    return d.digest(record);
  }

  private static byte[] node(byte[] left, byte[] right) {
    MessageDigest d = Sha256.digest();
    d.update((byte) 1);
    d.update(left);
    return d.digest(right);
  }
}
