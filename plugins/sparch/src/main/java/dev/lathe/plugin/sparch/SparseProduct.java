package dev.lathe.plugin.sparch;

import dev.lathe.api.Workload;
import dev.lathe.api.sparse.SparseMatrix;
import java.util.Objects;

/**
 * A workload of kind {@value #KIND}: the product {@code left × right} of two sparse matrices.
 *
 * @param name what the product is called in reports, e.g. {@code NotreDame_www A×A}
 * @param left the left matrix A, not null
 * @param right the right matrix B, with as many rows as A has columns, not null
 */
public record SparseProduct(String name, SparseMatrix left, SparseMatrix right)
    implements Workload {

  /** The workload kind. */
  public static final String KIND = "spgemm";

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the inner dimensions differ
   */
  public SparseProduct {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    if (left.columns() != right.rows()) {
      throw new IllegalArgumentException("product '" + name + "': cannot multiply "
          + left.rows() + " x " + left.columns() + " by " + right.rows() + " x "
          + right.columns() + ": inner dimensions differ");
    }
  }

  /** The square of {@code matrix}, {@code A × A}, as SpArch's evaluation multiplies. */
  public static SparseProduct square(String name, SparseMatrix matrix) {
    return new SparseProduct(name + " A×A", matrix, matrix);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
