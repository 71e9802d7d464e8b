package dev.lathe.plugin.sparch.sim;

import dev.lathe.api.sparse.SparseMatrix;

/**
 * The 3 × 3 matrix whose square the traffic tests work out by hand, on a DRAM of 16-byte lines
 * (16 bytes per cycle) with 4-byte indices and 8-byte values.
 *
 * <pre>
 *     | 1 2 0 |            | 1  8  0 |
 * A = | 0 3 0 |    A × A = | 0  9  0 |
 *     | 4 0 5 |            | 24 8 25 |
 * </pre>
 *
 * CSR entries of A (= B), 12 bytes each: row 0 at bytes 0–23 (lines 0–1), row 1 at 24–35
 * (lines 1–2), row 2 at 36–59 (lines 2–3). Outer products: column 0 × row 0 (4 products),
 * column 1 × row 1 (2), column 2 × row 2 (2): 8 products, 6 entries in C.
 */
final class HandWorkedProduct {

  static final SparseMatrix A = SparseMatrix.fromDense(new double[][] {
      {1, 2, 0}, {0, 3, 0}, {4, 0, 5}});
  static final SparseMatrix C = SparseMatrix.fromDense(new double[][] {
      {1, 8, 0}, {0, 9, 0}, {24, 8, 25}});
  static final DramModel DRAM = new DramModel(16, 16);
  static final DataLayout LAYOUT = new DataLayout(4, 8);

  private HandWorkedProduct() {}

  /** A SpArch with a 2-input merge tree, 2 multipliers, 2-wide mergers and a 2-line buffer. */
  static SparchConfig config(boolean condensing, boolean huffman, BufferPolicy buffer) {
    return new SparchConfig(2, 1, 2, 2, 8, DRAM, LAYOUT, condensing, huffman, buffer);
  }
}
