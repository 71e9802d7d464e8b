package dev.lathe.plugin.sparch.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.sparse.SparseMatrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DRAM model, the multiplier array, the comparator merger, the merge tree and condensing. */
class ComponentsTest {

  private static PartialMatrix partial(long[] keys, double[] values) {
    return new PartialMatrix(keys, values, keys.length);
  }

  @Test
  void dramMovesWholeLines() {
    DramModel dram = new DramModel(128, 64);
    assertEquals(0, dram.stream(0));
    assertEquals(64, dram.stream(1));
    assertEquals(128, dram.stream(65));
    assertEquals(1, dram.lines(0, 64));
    assertEquals(2, dram.lines(60, 8));
    assertEquals(3, dram.lines(63, 66));
    assertEquals(0, dram.lines(100, 0));
    assertEquals(2.0, dram.cycles(256));
    assertThrows(IllegalArgumentException.class, () -> new DramModel(0, 64));
    assertThrows(IllegalArgumentException.class, () -> new DramModel(8, 0));
  }

  @Test
  void comparatorMergerAddsEqualKeysAndCountsCycles() {
    ComparatorMerger merger = new ComparatorMerger(4);
    PartialMatrix x = partial(new long[] {1, 4, 9}, new double[] {1, 2, 3});
    PartialMatrix y = partial(new long[] {2, 4, 10, 11}, new double[] {5, 7, 11, 13});
    PartialMatrix m = merger.merge(x, y);
    assertEquals(6, m.size());
    long[] keys = new long[6];
    double[] values = new double[6];
    for (int i = 0; i < 6; i++) {
      keys[i] = m.keyAt(i);
      values[i] = m.valueAt(i);
    }
    assertArrayEquals(new long[] {1, 2, 4, 9, 10, 11}, keys);
    assertArrayEquals(new double[] {1, 5, 9, 3, 11, 13}, values);
    assertEquals(2, merger.cycles(3, 4));
    assertEquals(3, merger.cycles(5, 4));
  }

  @Test
  void mergeTreeIsAPipelineAsSlowAsItsBusiestMerger() {
    MergeTree tree = new MergeTree(2, 2);
    assertEquals(4, tree.inputs());
    PartialMatrix a = partial(new long[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1});
    PartialMatrix b = partial(new long[] {2}, new double[] {1});
    PartialMatrix c = partial(new long[] {3}, new double[] {1});
    List<PartialMatrix> inputs = new ArrayList<>(List.of(a, b, c));
    MergeTree.Merge merge = tree.merge(inputs);
    assertTrue(inputs.isEmpty(), "the tree takes its inputs over");
    assertEquals(4, merge.output().size());
    for (int i = 0; i < 4; i++) {
      assertEquals(i + 1, merge.output().keyAt(i));
      assertEquals(i == 0 || i == 3 ? 1.0 : 2.0, merge.output().valueAt(i));
    }
    // level 0: (a, b) 5 elements -> 3 cycles, (c, -) 1 -> 1; level 1: (4, 1) -> 3; + 2 levels
    assertEquals(5, merge.cycles());
    assertThrows(IllegalArgumentException.class,
        () -> tree.merge(new ArrayList<>(List.of(a, a, a, a, a))));
    assertThrows(IllegalArgumentException.class, () -> tree.merge(new ArrayList<>()));
  }

  @Test
  void multiplierArrayMakesSortedPartialMatrices() {
    MultiplierArray array = new MultiplierArray(2);
    PartialMatrix p = array.outerProduct(HandWorkedProduct.A, 0, HandWorkedProduct.A);
    assertEquals(4, p.size());
    assertEquals(PartialMatrix.key(0, 0), p.keyAt(0));
    assertEquals(PartialMatrix.key(2, 1), p.keyAt(3));
    assertEquals(8.0, p.valueAt(3));
    Condensing condensed = new Condensing(HandWorkedProduct.A);
    PartialMatrix q = array.condensedProduct(condensed, 1, HandWorkedProduct.A);
    // row 0's second entry (column 1, 2) x B1; row 2's second entry (column 2, 5) x B2
    assertEquals(3, q.size());
    assertEquals(PartialMatrix.key(0, 1), q.keyAt(0));
    assertEquals(6.0, q.valueAt(0));
    assertEquals(PartialMatrix.key(2, 2), q.keyAt(2));
    assertEquals(25.0, q.valueAt(2));
    assertEquals(7, array.products());
    assertEquals(4, array.cycles(7));
  }

  @Test
  void condensingLeavesAsManyColumnsAsTheLongestRow() {
    SparseMatrix a = SparseMatrix.fromDense(new double[][] {
        {0, 1, 0, 1, 1}, {1, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 1, 1, 0}});
    Condensing c = new Condensing(a);
    assertEquals(3, c.columns());
    assertEquals(3, c.entries(0));
    assertEquals(2, c.entries(1));
    assertEquals(1, c.entries(2));
    assertEquals(3, c.originalColumn(3, 1));
    assertEquals(4, c.originalColumn(0, 2));
    // B = a^T (5 x 4): rows of B have 1, 1, 1, 2, 1 entries
    long[] sizes = c.partialSizes(a.transpose());
    assertArrayEquals(new long[] {1 + 1 + 1, 2 + 2, 1}, sizes);
  }

  @Test
  void partialMatrixBecomesAMatrix() {
    PartialMatrix p = partial(new long[] {PartialMatrix.key(0, 2), PartialMatrix.key(2, 0)},
        new double[] {3, 0});
    SparseMatrix m = p.toMatrix(3, 3);
    assertEquals(2, m.nnz());
    assertEquals(3.0, m.get(0, 2));
    assertEquals(1, m.rowNnz(2));
    assertEquals(1L << 32 | 7L, PartialMatrix.key(1, 7));
    assertEquals(1, PartialMatrix.row(PartialMatrix.key(1, 7)));
    assertEquals(7, PartialMatrix.column(PartialMatrix.key(1, 7)));
  }
}
