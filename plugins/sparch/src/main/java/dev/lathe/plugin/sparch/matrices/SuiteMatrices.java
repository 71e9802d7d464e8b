package dev.lathe.plugin.sparch.matrices;

import dev.lathe.api.graph.io.MatrixMarket;
import dev.lathe.api.sparse.SparseMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * SuiteSparse Matrix Collection matrices (CC-BY 4.0) as Debian's {@code suitesparse} 5.12.0
 * source package ships them: six small square ones inside this plugin, and larger ones read from
 * a folder where {@code benchmarks/fetch-graph-data.sh} put them.
 */
public final class SuiteMatrices {

  /** The square matrices shipped with the plugin, smallest product first. */
  public static final List<String> SHIPPED = List.of("Pd", "Erdos971", "jagmesh7", "bcspwr10",
      "dwt_992", "G51");

  /** The large web graph of the full reproduction (325,729², 929,849 entries). */
  public static final String NOTRE_DAME = "NotreDame_www";

  private SuiteMatrices() {}

  /**
   * The shipped matrix {@code name}, one of {@link #SHIPPED}.
   *
   * @throws IllegalArgumentException if no such matrix is shipped
   * @throws IOException if it cannot be read
   */
  public static SparseMatrix shipped(String name) throws IOException {
    String resource = name + ".mtx.gz";
    try (InputStream in = SuiteMatrices.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no shipped matrix '" + name + "'; shipped: "
            + SHIPPED);
      }
      return MatrixMarket.read(new GZIPInputStream(in), resource);
    }
  }

  /**
   * The matrix {@code name}{@code .mtx} in {@code folder}, if the file is there.
   *
   * @throws IOException if it is there but cannot be read
   */
  public static Optional<SparseMatrix> inFolder(Path folder, String name) throws IOException {
    Path file = folder.resolve(name + ".mtx");
    return Files.isRegularFile(file) ? Optional.of(MatrixMarket.read(file)) : Optional.empty();
  }
}
