package dev.lathe.api.sparse;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.Workload;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A workload of kind {@value #KIND}: the product {@code left × right} of two sparse matrices,
 * which an accelerator that models sparse-matrix multiplication (SpGEMM) costs. Any plugin or
 * experiment may build one and hand it to {@link dev.lathe.api.accelerate.Accelerator#estimate}.
 *
 * @param name what the product is called in reports, e.g. {@code NotreDame_www A×A}, not null
 * @param left the left matrix A, not null
 * @param right the right matrix B, with as many rows as A has columns, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SparseProduct(String name, SparseMatrix left, SparseMatrix right)
    implements Workload {

  /** The workload kind. */
  public static final String KIND = "spgemm";

  /**
   * Checks the parts.
   *
   * @throws NullPointerException naming the part that is null
   * @throws IllegalArgumentException naming the product if the inner dimensions differ
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

  /**
   * The square {@code A × A} of {@code matrix}, as SpGEMM evaluations multiply, named
   * {@code name A×A}.
   *
   * @throws IllegalArgumentException if the matrix is not square
   */
  public static SparseProduct square(String name, SparseMatrix matrix) {
    return new SparseProduct(name + " A×A", matrix, matrix);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
