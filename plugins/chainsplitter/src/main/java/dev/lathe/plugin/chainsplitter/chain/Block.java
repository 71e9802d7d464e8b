package dev.lathe.plugin.chainsplitter.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sealed block of the ledger: a header (index, sealing time, the previous block's hash, the
 * Merkle root of the records, the record count), the header's SHA-256 as the block's hash, and
 * the records.
 *
 * <p>Byte format, big-endian: the header of {@value #HEADER_BYTES} bytes ({@code "LCSB"},
 * format version 1, index as a long, sealing time in epoch milliseconds as a long, previous hash,
 * Merkle root, record count as an int), then the 32-byte hash, then each record as an int length
 * and its bytes. The hash covers the header, the header covers the records through the Merkle
 * root, and the next block's header covers this hash: changing any byte breaks this block's own
 * check or, for bytes that only the next block vouches for, the next block's link.
 *
 * @param index the block's position in the chain, from 0
 * @param sealed when the block was sealed, to the millisecond
 * @param previousHash the previous block's hash; 32 zero bytes for block 0
 * @param merkleRoot the Merkle tree hash of the records ({@link MerkleTree})
 * @param hash the SHA-256 of the header, as stored
 * @param records the records, each opaque bytes
 */
public record Block(long index, Instant sealed, byte[] previousHash, byte[] merkleRoot,
    byte[] hash, List<byte[]> records) {

  /** The bytes of a header. */
  public static final int HEADER_BYTES = 4 + 1 + 8 + 8 + Sha256.BYTES + Sha256.BYTES + 4;
  /** The previous hash of block 0. */
  public static final byte[] GENESIS_PREVIOUS = new byte[Sha256.BYTES];

  private static final byte[] MAGIC = "LCSB".getBytes(StandardCharsets.US_ASCII);
  private static final byte VERSION = 1;

  /** Checks the parts and copies the records list. */
  public Block {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(merkleRoot, "merkleRoot");
    Objects.requireNonNull(hash, "hash");
    records = List.copyOf(records);
    if (index < 0) {
      throw new IllegalArgumentException("block index " + index + " is negative");
    }
  }

  /**
   * A new block over {@code records}, hashed and Merkle-rooted.
   *
   * @param previousHash the hash of block {@code index - 1}, or {@link #GENESIS_PREVIOUS}
   */
  public static Block seal(long index, Instant sealed, byte[] previousHash, List<byte[]> records) {
    Instant millis = Instant.ofEpochMilli(sealed.toEpochMilli());
    byte[] root = MerkleTree.root(records);
    byte[] header = header(index, millis, previousHash, root, records.size());
    return new Block(index, millis, previousHash.clone(), root, Sha256.of(header), records);
  }

  /** The block's bytes in the format described above. */
  public byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER_BYTES + Sha256.BYTES
          + records.stream().mapToInt(r -> r.length + 4).sum());
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(header(index, sealed, previousHash, merkleRoot, records.size()));
      out.write(hash);
      for (byte[] r : records) {
        out.writeInt(r.length);
        out.write(r);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The block in {@code bytes}.
   *
   * @throws CorruptBlockException saying what is malformed, if the bytes are not a block
   */
  public static Block decode(byte[] bytes) throws CorruptBlockException {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      byte[] magic = new byte[MAGIC.length];
      in.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new CorruptBlockException("does not start with the block marker LCSB");
      }
      byte version = in.get();
      if (version != VERSION) {
        throw new CorruptBlockException("has format version " + version + ", not " + VERSION);
      }
      long index = in.getLong();
      long millis = in.getLong();
      byte[] previous = new byte[Sha256.BYTES];
      in.get(previous);
      byte[] root = new byte[Sha256.BYTES];
      in.get(root);
      int count = in.getInt();
      if (count < 0 || count > (bytes.length - HEADER_BYTES - Sha256.BYTES) / 4) {
        throw new CorruptBlockException("claims " + count + " records in " + bytes.length
            + " bytes");
      }
      byte[] hash = new byte[Sha256.BYTES];
      in.get(hash);
      List<byte[]> records = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
          throw new CorruptBlockException("record " + i + " claims " + length + " bytes, "
              + in.remaining() + " remain");
        }
        byte[] r = new byte[length];
        in.get(r);
        records.add(r);
      }
      if (in.hasRemaining()) {
        throw new CorruptBlockException(in.remaining() + " bytes follow the last record");
      }
      if (index < 0) {
        throw new CorruptBlockException("has a negative index " + index);
      }
      return new Block(index, Instant.ofEpochMilli(millis), previous, root, hash, records);
    } catch (BufferUnderflowException e) {
      throw new CorruptBlockException("is truncated (" + bytes.length + " bytes)");
    }
  }

  /**
   * What is wrong with this block on its own: its hash not that of its header, or its Merkle
   * root not that of its records; empty if neither.
   */
  public Optional<String> selfCheck() {
    byte[] expected = Sha256.of(header(index, sealed, previousHash, merkleRoot, records.size()));
    if (!MessageDigest.isEqual(expected, hash)) {
      return Optional.of("its hash " + Sha256.hex(hash) + " is not the hash of its header ("
          + Sha256.hex(expected) + ")");
    }
    byte[] root = MerkleTree.root(records);
    if (!MessageDigest.isEqual(root, merkleRoot)) {
      return Optional.of("its Merkle root " + Sha256.hex(merkleRoot)
          + " does not match its " + records.size() + " records (" + Sha256.hex(root) + ")");
    }
    return Optional.empty();
  }

  /** Whether this block's bytes equal {@code other}'s. */
  public boolean sameAs(Block other) {
    return Arrays.equals(encode(), other.encode());
  }

  private static byte[] header(long index, Instant sealed, byte[] previous, byte[] root,
      int count) {
    return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put(VERSION).putLong(index)
        .putLong(sealed.toEpochMilli()).put(previous).put(root).putInt(count).array();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Block b && sameAs(b);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "block " + index + " (" + records.size() + " records, hash " + Sha256.hex(hash) + ")";
  }
}
