package dev.lathe.plugin.sparch.sim;

/**
 * How matrices lie in DRAM: compressed rows (or columns) whose entries each hold an index and a
 * value side by side, pointers of one index each, and partial matrices as (row, column, value)
 * triples.
 *
 * @param indexBytes the size of a row or column index and of a pointer, at least 1
 * @param valueBytes the size of a value, at least 1
 */
public record DataLayout(int indexBytes, int valueBytes) {

  /** 32-bit indices and 64-bit (double) values, the paper's formats. */
  public static final DataLayout DEFAULT = new DataLayout(4, 8);

  /** Checks the parts. */
  public DataLayout {
    if (indexBytes < 1 || valueBytes < 1) {
      throw new IllegalArgumentException("index and value sizes must be at least 1 byte, got "
          + indexBytes + " and " + valueBytes);
    }
  }

  /** The bytes of one entry of a compressed row or column: index and value. */
  public int entryBytes() {
    return indexBytes + valueBytes;
  }

  /** The bytes of one element of a partial matrix in DRAM: row, column and value. */
  public int partialBytes() {
    return 2 * indexBytes + valueBytes;
  }

  /** The bytes of {@code entries} compressed entries with {@code pointers} pointers. */
  public long compressedBytes(long entries, long pointers) {
    return entries * entryBytes() + pointers * indexBytes;
  }
}
