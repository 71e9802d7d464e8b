package dev.lathe.plugin.sparch.sim;

import java.util.Objects;

/**
 * The parameters of a simulated SpArch, and which of its techniques are on.
 *
 * @param multipliers the multipliers of the multiplier array
 * @param mergeTreeLevels the levels of the merge tree; it merges {@code 2^levels} inputs
 * @param mergerWidth the elements each comparator merger takes per cycle
 * @param prefetchBufferLines the lines of the row prefetcher's buffer
 * @param prefetchLookahead the row requests the prefetcher sees ahead
 * @param dram the DRAM model
 * @param layout the data formats in DRAM
 * @param condensing whether A is condensed (else each column of A is a partial matrix)
 * @param huffman whether rounds follow the Huffman-tree scheduler (else in order, level by level)
 * @param bBuffer how B is read: through the row prefetcher, through its buffer as a plain LRU
 *     cache, or straight from DRAM
 */
public record SparchConfig(int multipliers, int mergeTreeLevels, int mergerWidth,
    int prefetchBufferLines, int prefetchLookahead, DramModel dram, DataLayout layout,
    boolean condensing, boolean huffman, BufferPolicy bBuffer) {

  /**
   * SpArch with every technique on: 64-input merge tree (6 levels) as in the paper; 16
   * multipliers, mergers of 16 elements per cycle, a 1,024-line (64 KiB) prefetch buffer seeing
   * 8,192 requests ahead, HBM at 128 bytes per cycle with 64-byte lines, 32-bit indices and
   * 64-bit values.
   */
  public static final SparchConfig DEFAULT = new SparchConfig(16, 6, 16, 1024, 8192,
      DramModel.HBM, DataLayout.DEFAULT, true, true, BufferPolicy.PREFETCHER);

  /** Checks the counts; the components check the rest. */
  public SparchConfig {
    Objects.requireNonNull(dram, "dram");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(bBuffer, "bBuffer");
    if (multipliers < 1 || mergerWidth < 1 || prefetchBufferLines < 1 || prefetchLookahead < 1) {
      throw new IllegalArgumentException("multipliers, merger width, prefetch buffer lines and"
          + " lookahead must be at least 1, got " + multipliers + ", " + mergerWidth + ", "
          + prefetchBufferLines + ", " + prefetchLookahead);
    }
    if (mergeTreeLevels < 1 || mergeTreeLevels > 20) {
      throw new IllegalArgumentException("the merge tree has 1 to 20 levels, got "
          + mergeTreeLevels);
    }
  }

  /** This configuration with the techniques set as given. */
  public SparchConfig withTechniques(boolean condensing, boolean huffman, BufferPolicy bBuffer) {
    return new SparchConfig(multipliers, mergeTreeLevels, mergerWidth, prefetchBufferLines,
        prefetchLookahead, dram, layout, condensing, huffman, bBuffer);
  }

  /** The inputs of the merge tree: {@code 2^mergeTreeLevels}. */
  public int mergeTreeInputs() {
    return 1 << mergeTreeLevels;
  }
}
