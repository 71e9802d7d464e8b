package dev.lathe.plugin.sparch.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.sparse.SparseMatrix;
import dev.lathe.api.sparse.MatrixGenerators;
import dev.lathe.plugin.sparch.matrices.SuiteMatrices;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product C that the simulated datapaths compute equals the reference SpGEMM (Gustavson's, in
 * {@code framework-api}) exactly on integer-valued matrices, within 1e-9 on real ones; the
 * reference itself agrees with EJML's sparse product.
 */
class FunctionalExactnessTest {

  /** Small enough for a fast test: merge trees of 4 inputs force many rounds. */
  private static final SparchConfig SMALL_TREE = new SparchConfig(4, 2, 4, 64, 256,
      DramModel.HBM, DataLayout.DEFAULT, true, true, BufferPolicy.PREFETCHER);

  static List<String> shipped() {
    return SuiteMatrices.SHIPPED;
  }

  private static List<SparchConfig> configurations() {
    List<SparchConfig> configs = new ArrayList<>();
    for (SparchConfig base : List.of(SparchConfig.DEFAULT, SMALL_TREE)) {
      for (boolean condensing : new boolean[] {false, true}) {
        for (boolean huffman : new boolean[] {false, true}) {
          configs.add(base.withTechniques(condensing, huffman, BufferPolicy.LRU));
        }
      }
    }
    return configs;
  }

  private static boolean integerValued(SparseMatrix m) {
    for (int k = 0; k < m.nnz(); k++) {
      if (m.value(k) != Math.rint(m.value(k))) {
        return false;
      }
    }
    return true;
  }

  private static void assertSimulatedProductsAreExact(SparseMatrix a, SparseMatrix b) {
    SparseMatrix reference = a.multiply(b);
    boolean exact = integerValued(a) && integerValued(b);
    List<Simulation> sims = new ArrayList<>();
    for (SparchConfig config : configurations()) {
      sims.add(new SparchSimulator(config).simulate(a, b));
    }
    sims.add(new OuterSpaceSimulator(SparchConfig.DEFAULT).simulate(a, b));
    for (Simulation sim : sims) {
      if (exact) {
        assertEquals(reference, sim.product(), () -> reference.firstDifference(sim.product(), 0)
            .map(Object::toString).orElse("explicit zeros differ"));
      } else {
        assertTrue(reference.equalsWithin(sim.product(), 1e-9),
            () -> reference.firstDifference(sim.product(), 1e-9).orElseThrow().toString());
      }
      assertEquals(sims.get(0).partialProducts(), sim.partialProducts());
    }
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void squaresOfTheShippedSuiteSparseMatrices(String name) throws IOException {
    SparseMatrix a = SuiteMatrices.shipped(name);
    assertSimulatedProductsAreExact(a, a);
  }

  @Test
  void generatedPowerLawAndUniformMatrices() {
    SparseMatrix rmat = MatrixGenerators.rmat(9, 6, 11);
    assertSimulatedProductsAreExact(rmat, rmat);
    SparseMatrix uniform = MatrixGenerators.uniform(700, 5, 12);
    assertSimulatedProductsAreExact(uniform, uniform);
    assertSimulatedProductsAreExact(rmat, MatrixGenerators.rmat(9, 3, 13));
  }

  @Test
  void rectangularAndCancellingProducts() {
    SparseMatrix a = SparseMatrix.fromDense(new double[][] {{1, -1, 0, 2}, {0, 3, 0, 0}});
    SparseMatrix b = SparseMatrix.fromDense(new double[][] {
        {1, 1, 0}, {1, 0, 0}, {0, 0, 0}, {0, 0, 7}});
    // row 0 of the product: (1 - 1, 1, 14): an explicit zero where the products cancel
    assertSimulatedProductsAreExact(a, b);
    SparseMatrix empty = SparseMatrix.builder(3, 4).build();
    assertSimulatedProductsAreExact(empty, b);
    Simulation sim = new SparchSimulator(SparchConfig.DEFAULT).simulate(empty, b);
    assertEquals(0, sim.product().nnz());
    assertEquals(0, sim.rounds());
  }

  @Test
  void referenceAgreesWithEjml() throws IOException {
    for (SparseMatrix a : List.of(SuiteMatrices.shipped("G51"), SuiteMatrices.shipped("Pd"),
        MatrixGenerators.rmat(10, 8, 5))) {
      DMatrixSparseCSC ejml = toEjml(a);
      DMatrixSparseCSC product = new DMatrixSparseCSC(a.rows(), a.columns(), 0);
      CommonOps_DSCC.mult(ejml, ejml, product);
      SparseMatrix simulated = new SparchSimulator(SparchConfig.DEFAULT).simulate(a, a)
          .product();
      int stored = 0;
      for (int c = 0; c < product.numCols; c++) {
        for (int p = product.col_idx[c]; p < product.col_idx[c + 1]; p++) {
          int r = product.nz_rows[p];
          assertEquals(product.nz_values[p], simulated.get(r, c),
              1e-9 * Math.max(1, Math.abs(product.nz_values[p])), "(" + r + ", " + c + ")");
          stored++;
        }
      }
      assertEquals(stored, simulated.nnz(), "entries of EJML's product and the simulated one");
    }
  }

  private static DMatrixSparseCSC toEjml(SparseMatrix m) {
    DMatrixSparseCSC out = new DMatrixSparseCSC(m.rows(), m.columns(), m.nnz());
    out.col_idx = m.columnPointers();
    out.nz_rows = m.rowIndices();
    out.nz_values = m.columnValues();
    out.nz_length = m.nnz();
    out.indicesSorted = true;
    return out;
  }
}
