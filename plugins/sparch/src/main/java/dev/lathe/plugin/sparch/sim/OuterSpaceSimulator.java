package dev.lathe.plugin.sparch.sim;

import dev.lathe.api.sparse.SparseMatrix;
import java.util.Arrays;

/**
 * The OuterSPACE baseline (Pal et al., HPCA 2018) under the same DRAM model as SpArch: a
 * multiply phase reads A by columns and each row of B once, and writes every partial product to
 * DRAM, in per-row lists, as a (row, column, value) element; a merge phase reads them all back,
 * merges each row's list and writes C as compressed rows.
 *
 * <p>Cycles: the multiply phase takes the larger of its DRAM time and its products on
 * {@code multipliers} multipliers; the merge phase the larger of its DRAM time and its elements
 * at {@code mergerWidth} per cycle, the same compute as the SpArch it is compared with.
 */
public final class OuterSpaceSimulator {

  private final SparchConfig config;

  /** A baseline with the multipliers, merge width, DRAM and layout of {@code config}. */
  public OuterSpaceSimulator(SparchConfig config) {
    this.config = config;
  }

  /**
   * Simulates {@code a × b}.
   *
   * @throws IllegalArgumentException if the inner dimensions differ
   */
  public Simulation simulate(SparseMatrix a, SparseMatrix b) {
    if (a.columns() != b.rows()) {
      throw new IllegalArgumentException("cannot multiply " + a.rows() + " x " + a.columns()
          + " by " + b.rows() + " x " + b.columns() + ": inner dimensions differ");
    }
    DramModel dram = config.dram();
    DataLayout layout = config.layout();
    long aRead = dram.stream(layout.compressedBytes(a.nnz(), a.columns() + 1L));
    long bLines = 0;
    int[] rowLength = new int[a.rows()];
    long products = 0;
    for (int k = 0; k < a.columns(); k++) {
      if (a.columnNnz(k) > 0 && b.rowNnz(k) > 0) {
        bLines += dram.lines((long) b.rowStart(k) * layout.entryBytes(),
            (long) b.rowNnz(k) * layout.entryBytes());
        for (int p = a.columnStart(k); p < a.columnStart(k + 1); p++) {
          rowLength[a.rowIndex(p)] += b.rowNnz(k);
        }
        products += (long) a.columnNnz(k) * b.rowNnz(k);
      }
    }
    long bRead = dram.stream((long) (b.rows() + 1) * layout.indexBytes())
        + bLines * dram.lineBytes();
    long partials = dram.stream(products * layout.partialBytes());
    SparseMatrix product = multiplyAndMerge(a, b, rowLength, Math.toIntExact(products));
    long cWrite = dram.stream(layout.compressedBytes(product.nnz(), a.rows() + 1L));
    Traffic traffic = new Traffic(aRead, bRead, partials, partials, cWrite);
    long multiplyCycles = Math.max((long) Math.ceil(dram.cycles(aRead + bRead + partials)),
        Counts.ceilDiv(products, config.multipliers()));
    long mergeCycles = Math.max((long) Math.ceil(dram.cycles(partials + cWrite)),
        Counts.ceilDiv(products, config.mergerWidth()));
    return new Simulation(product, traffic, multiplyCycles + mergeCycles, products,
        countNonEmpty(a, b), 1);
  }

  /**
   * The two phases' data path: outer products appended to per-row lists in column order, then
   * each list sorted by column and equal columns added.
   */
  private static SparseMatrix multiplyAndMerge(SparseMatrix a, SparseMatrix b, int[] rowLength,
      int products) {
    int[] listStart = new int[a.rows() + 1];
    for (int r = 0; r < a.rows(); r++) {
      listStart[r + 1] = listStart[r] + rowLength[r];
    }
    int[] fill = Arrays.copyOf(listStart, a.rows());
    long[] entries = new long[products];
    double[] values = new double[products];
    for (int k = 0; k < a.columns(); k++) {
      for (int p = a.columnStart(k); p < a.columnStart(k + 1); p++) {
        int row = a.rowIndex(p);
        double scale = a.columnValue(p);
        for (int q = b.rowStart(k); q < b.rowStart(k + 1); q++) {
          int slot = fill[row]++;
          // column in the high bits, arrival order in the low bits: a stable sort by column
          entries[slot] = (long) b.columnIndex(q) << 32 | (slot - listStart[row]);
          values[slot] = scale * b.value(q);
        }
      }
    }
    int[] pointers = new int[a.rows() + 1];
    for (int r = 0; r < a.rows(); r++) {
      Arrays.sort(entries, listStart[r], listStart[r + 1]);
      int distinct = 0;
      for (int i = listStart[r]; i < listStart[r + 1]; i++) {
        if (i == listStart[r] || entries[i] >>> 32 != entries[i - 1] >>> 32) {
          distinct++;
        }
      }
      pointers[r + 1] = pointers[r] + distinct;
    }
    int[] columns = new int[pointers[a.rows()]];
    double[] merged = new double[pointers[a.rows()]];
    int n = 0;
    for (int r = 0; r < a.rows(); r++) {
      int from = listStart[r];
      for (int i = from; i < listStart[r + 1]; i++) {
        int column = (int) (entries[i] >>> 32);
        double value = values[from + (int) entries[i]];
        if (n > pointers[r] && columns[n - 1] == column) {
          merged[n - 1] += value;
        } else {
          columns[n] = column;
          merged[n++] = value;
        }
      }
    }
    return SparseMatrix.fromCsr(a.rows(), b.columns(), pointers, columns, merged);
  }

  private static int countNonEmpty(SparseMatrix a, SparseMatrix b) {
    int count = 0;
    for (int k = 0; k < a.columns(); k++) {
      if (a.columnNnz(k) > 0 && b.rowNnz(k) > 0) {
        count++;
      }
    }
    return count;
  }
}
