package dev.lathe.api.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.api.Workload;
import org.junit.jupiter.api.Test;

class SparseProductTest {

  private static final SparseMatrix SQUARE = SparseMatrix.fromDense(new double[][] {
      {1, 2}, {0, 3}});
  private static final SparseMatrix WIDE = SparseMatrix.fromDense(new double[][] {
      {1, 0, 4}, {0, 5, 0}});

  @Test
  void isAnSpgemmWorkloadOfItsTwoMatrices() {
    Workload w = new SparseProduct("square by wide", SQUARE, WIDE);
    assertEquals("spgemm", w.kind());
    SparseProduct p = (SparseProduct) w;
    assertSame(SQUARE, p.left());
    assertSame(WIDE, p.right());
    assertEquals(SQUARE.multiply(WIDE), p.left().multiply(p.right()));
  }

  @Test
  void squareNamesTheProductAndUsesTheMatrixTwice() {
    SparseProduct p = SparseProduct.square("Pd", SQUARE);
    assertEquals("Pd A×A", p.name());
    assertSame(p.left(), p.right());
    assertEquals(SparseProduct.KIND, p.kind());
  }

  @Test
  void refusesMatricesThatCannotBeMultiplied() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparseProduct("wide by square", WIDE, SQUARE));
    assertEquals("product 'wide by square': cannot multiply 2 x 3 by 2 x 2: inner dimensions"
        + " differ", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SparseProduct.square("wide", WIDE));
  }

  @Test
  void refusesMissingParts() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> new SparseProduct("no left", null, SQUARE));
    assertEquals("left", e.getMessage());
    assertThrows(NullPointerException.class, () -> new SparseProduct(null, SQUARE, SQUARE));
  }
}
