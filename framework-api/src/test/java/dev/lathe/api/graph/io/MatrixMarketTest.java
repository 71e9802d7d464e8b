package dev.lathe.api.graph.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.io.MatrixMarket.Field;
import dev.lathe.api.graph.io.MatrixMarket.Format;
import dev.lathe.api.graph.io.MatrixMarket.Header;
import dev.lathe.api.graph.io.MatrixMarket.Symmetry;
import dev.lathe.api.sparse.SparseMatrix;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixMarketTest {

  private static final Path DIR = Path.of("src/test/resources/graphs");

  @TempDir
  Path tmp;

  private static double sum(SparseMatrix m) {
    double s = 0;
    for (int k = 0; k < m.nnz(); k++) {
      s += m.value(k);
    }
    return s;
  }

  private static boolean isSymmetric(SparseMatrix m) {
    return m.equals(m.transpose());
  }

  /** Expected figures from SciPy 1.10: {@code scipy.io.mmread(f).tocsr()}, nnz, sum, A @ A. */
  @Test
  void patternSymmetricFromTheSuiteSparseCollection() throws IOException {
    SparseMatrix a = MatrixMarket.read(DIR.resolve("bcspwr01.mtx"));
    assertEquals(39, a.rows());
    assertEquals(39, a.columns());
    assertEquals(131, a.nnz(), "85 entries, the 46 off the diagonal mirrored");
    assertEquals(131.0, sum(a));
    assertTrue(isSymmetric(a));
    assertEquals(1.0, a.get(38, 0));
    assertEquals(1.0, a.get(0, 38));
    assertEquals(0.0, a.get(0, 37));
    SparseMatrix square = a.multiply(a);
    assertEquals(275, square.nnz());
    assertEquals(479.0, sum(square));
    assertEquals(new Header(Format.COORDINATE, Field.PATTERN, Symmetry.SYMMETRIC, 39, 39, 85),
        MatrixMarket.readHeader(DIR.resolve("bcspwr01.mtx")));
  }

  @Test
  void realSymmetricFromTheSuiteSparseCollection() throws IOException {
    SparseMatrix a = MatrixMarket.read(DIR.resolve("LFAT5.mtx"));
    assertEquals(14, a.rows());
    assertEquals(46, a.nnz());
    assertEquals(12581499.9073662, sum(a), 1e-6);
    assertTrue(isSymmetric(a));
    assertEquals(-94.2528, a.get(3, 0));
    assertEquals(-94.2528, a.get(0, 3));
    assertEquals(1.25664e7, a.get(1, 1));
    assertEquals(0.78544, a.get(0, 4));
    SparseMatrix square = a.multiply(a);
    assertEquals(72, square.nnz());
    assertEquals(78957318225568.23, sum(square), 78957318225568.23 * 1e-12);
  }

  @Test
  void integerGeneralFromTheSuiteSparseCollection() throws IOException {
    SparseMatrix a = MatrixMarket.read(DIR.resolve("Ragusa16.mtx"));
    assertEquals(24, a.rows());
    assertEquals(81, a.nnz());
    assertEquals(113.0, sum(a));
    SparseMatrix square = a.multiply(a);
    assertEquals(255, square.nnz());
    assertEquals(1130.0, sum(square));
    Graph g = Graph.fromAdjacencyMatrix(a);
    assertEquals(24, g.vertexCount());
    assertEquals(81, g.edgeCount());
  }

  @Test
  void skewSymmetricMirrorsWithTheOppositeSign() throws IOException {
    SparseMatrix a = MatrixMarket.read(DIR.resolve("skew.mtx"));
    assertArrayEquals(new double[][] {
        {0, -1.5, 0, 0},
        {1.5, 0, 0, 2},
        {0, 0, 0, -0.25},
        {0, -2, 0.25, 0}}, a.toDense());
    assertEquals(6, a.nnz());
  }

  @Test
  void arrayFilesInEveryKindStoreTheirNonZeros() throws IOException {
    SparseMatrix general = MatrixMarket.read(DIR.resolve("array-general.mtx"));
    assertArrayEquals(new double[][] {{1, 0, -2}, {0, 4.5, 0}}, general.toDense());
    assertEquals(3, general.nnz());
    SparseMatrix symmetric = MatrixMarket.read(DIR.resolve("array-symmetric.mtx"));
    assertArrayEquals(new double[][] {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}},
        symmetric.toDense());
    assertEquals(7, symmetric.nnz());
    SparseMatrix skew = MatrixMarket.read(DIR.resolve("array-skew.mtx"));
    assertArrayEquals(new double[][] {{0, -1, -2}, {1, 0, -3}, {2, 3, 0}}, skew.toDense());
    assertEquals(new Header(Format.ARRAY, Field.INTEGER, Symmetry.SYMMETRIC, 3, 3, 6),
        MatrixMarket.readHeader(DIR.resolve("array-symmetric.mtx")));
  }

  @Test
  void complexAndHermitianFilesAreRefusedWithTheirLine() {
    Path hermitian = DIR.resolve("hermitian.mtx");
    assertEquals(hermitian + ":1: hermitian matrices hold complex values, which are not"
        + " supported: SparseMatrix holds real values",
        assertThrows(FileFormatException.class, () -> MatrixMarket.read(hermitian)).getMessage());
    Path complex = DIR.resolve("complex.mtx");
    FileFormatException e =
        assertThrows(FileFormatException.class, () -> MatrixMarket.read(complex));
    assertEquals(complex + ":1: complex matrices are not supported: SparseMatrix holds real"
        + " values", e.getMessage());
    assertEquals(1, e.line());
    assertEquals(complex.toString(), e.source());
  }

  @Test
  void realHermitianReadsAsSymmetric() throws IOException {
    SparseMatrix a = read("%%MatrixMarket matrix coordinate real Hermitian\n2 2 2\n1 1 1\n2 1 5\n");
    assertArrayEquals(new double[][] {{1, 5}, {5, 0}}, a.toDense());
  }

  @Test
  void entriesInTheUpperTriangleOfASymmetricFileAndDuplicatesAreAccepted() throws IOException {
    SparseMatrix a = read("%%MatrixMarket matrix coordinate real symmetric\n"
        + "% comment\n\n3 3 3\n1 3 2.5\n2 2 1\n% inside\n2 2 1\n");
    assertArrayEquals(new double[][] {{0, 0, 2.5}, {0, 2, 0}, {2.5, 0, 0}}, a.toDense());
  }

  private static SparseMatrix read(String text) throws IOException {
    return MatrixMarket.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "inline.mtx");
  }

  private static String error(String text) {
    return assertThrows(FileFormatException.class, () -> read(text)).getMessage();
  }

  @Test
  void malformedFilesNameTheFileAndTheLine() {
    String coordinate = "%%MatrixMarket matrix coordinate real general\n";
    assertEquals("inline.mtx:1: the file is empty; a Matrix Market file starts with"
        + " %%MatrixMarket", error(""));
    assertEquals("inline.mtx:1: not a Matrix Market file: the first line must start with"
        + " %%MatrixMarket, found '3 3 1'", error("3 3 1\n1 1 1\n"));
    assertEquals("inline.mtx:1: only matrices are supported, found the object 'vector'",
        error("%%MatrixMarket vector coordinate real general\n"));
    assertEquals("inline.mtx:1: unknown format 'dense'; expected coordinate or array",
        error("%%MatrixMarket matrix dense real general\n"));
    assertEquals("inline.mtx:1: unknown field 'junk'; expected real, integer, pattern or"
        + " complex", error("%%MatrixMarket matrix coordinate junk general\n"));
    assertEquals("inline.mtx:1: unknown symmetry 'junk'; expected general, symmetric,"
        + " skew-symmetric or hermitian", error("%%MatrixMarket matrix coordinate real junk\n"));
    assertEquals("inline.mtx:1: expected the symmetry (general, symmetric, skew-symmetric or"
        + " hermitian), found the end of the line", error("%%MatrixMarket matrix array real\n"));
    assertEquals("inline.mtx:1: an array file cannot have the pattern field",
        error("%%MatrixMarket matrix array pattern general\n2 2\n"));
    assertEquals("inline.mtx:1: a pattern file cannot be skew-symmetric",
        error("%%MatrixMarket matrix coordinate pattern skew-symmetric\n"));
    assertEquals("inline.mtx:2: the end of the file before the size line",
        error(coordinate + "% only a comment\n"));
    assertEquals("inline.mtx:3: a symmetric matrix must be square, but it is 3 x 4",
        error("%%MatrixMarket matrix coordinate real symmetric\n%\n3 4 0\n"));
    assertEquals("inline.mtx:2: expected the number of entries (an integer), found 'x'",
        error(coordinate + "3 3 x\n"));
    assertEquals("inline.mtx:2: expected rows, columns and entries, found more: '7'",
        error(coordinate + "3 3 1 7\n"));
    assertEquals("inline.mtx:2: the number of rows must be between 0 and 2147483647, found"
        + " 3000000000", error(coordinate + "3000000000 3 1\n"));
    assertEquals("inline.mtx:4: entry (4, 1) is outside the 3 x 3 matrix",
        error(coordinate + "3 3 2\n1 1 1\n4 1 1\n"));
    assertEquals("inline.mtx:3: a row must be between 1 and 2147483647, found 0",
        error(coordinate + "3 3 1\n0 1 1\n"));
    assertEquals("inline.mtx:3: expected a value, found the end of the line",
        error(coordinate + "3 3 1\n1 1\n"));
    assertEquals("inline.mtx:3: expected a value (a number), found '1.2.3'",
        error(coordinate + "3 3 1\n1 1 1.2.3\n"));
    assertEquals("inline.mtx:3: the value is NaN", error(coordinate + "3 3 1\n1 1 NaN\n"));
    assertEquals("inline.mtx:3: expected row and column, found more: '1'",
        error("%%MatrixMarket matrix coordinate pattern general\n3 3 1\n1 1 1\n"));
    assertEquals("inline.mtx:3: expected an integer value (an integer), found '1.5'",
        error("%%MatrixMarket matrix coordinate integer general\n3 3 1\n1 1 1.5\n"));
    assertEquals("inline.mtx:3: the end of the file after 1 of the 2 entries declared on"
        + " line 2", error(coordinate + "3 3 2\n1 1 1\n"));
    assertEquals("inline.mtx:4: more entries than the 1 declared on line 2",
        error(coordinate + "3 3 1\n1 1 1\n2 2 2\n"));
    assertEquals("inline.mtx:3: a skew-symmetric matrix has a zero diagonal, but entry (2, 2)"
        + " is 1.0", error("%%MatrixMarket matrix coordinate real skew-symmetric\n3 3 1\n"
        + "2 2 1\n"));
    assertEquals("inline.mtx:4: expected one value per line, found more: '3'",
        error("%%MatrixMarket matrix array real general\n2 1\n1\n2 3\n"));
  }

  @Test
  void malformedRealFileNamesItsPath() throws IOException {
    Path broken = tmp.resolve("broken.mtx");
    Files.writeString(broken, Files.readString(DIR.resolve("bcspwr01.mtx"))
        .replace("\n39 1\n", "\n39 x\n"));
    assertEquals(broken + ":17: expected a column (an integer), found 'x'",
        assertThrows(FileFormatException.class, () -> MatrixMarket.read(broken)).getMessage());
  }

  @Test
  void gzipFilesAreReadTransparently() throws IOException {
    Path gz = tmp.resolve("bcspwr01.mtx.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(DIR.resolve("bcspwr01.mtx")));
    }
    assertEquals(MatrixMarket.read(DIR.resolve("bcspwr01.mtx")), MatrixMarket.read(gz));
  }

  @Test
  void roundTripsInEveryFieldAndSymmetryReadBackBitForBit() throws IOException {
    SplittableRandom random = new SplittableRandom(9);
    SparseMatrix.Builder b = SparseMatrix.builder(30, 20);
    for (int i = 0; i < 120; i++) {
      b.add(random.nextInt(30), random.nextInt(20), random.nextGaussian() * 1e-7);
    }
    SparseMatrix general = b.build();
    Path file = tmp.resolve("general.mtx");
    MatrixMarket.write(general, file);
    assertEquals(general, MatrixMarket.read(file));
    assertTrue(Files.readString(file).startsWith(
        "%%MatrixMarket matrix coordinate real general\n30 20 " + general.nnz() + "\n"));

    SparseMatrix lfat5 = MatrixMarket.read(DIR.resolve("LFAT5.mtx"));
    MatrixMarket.write(lfat5, file, Field.REAL, Symmetry.SYMMETRIC);
    assertEquals(lfat5, MatrixMarket.read(file));
    assertEquals(30, MatrixMarket.readHeader(file).entries());

    SparseMatrix skew = MatrixMarket.read(DIR.resolve("skew.mtx"));
    MatrixMarket.write(skew, file, Field.REAL, Symmetry.SKEW_SYMMETRIC);
    assertEquals(skew, MatrixMarket.read(file));
    assertEquals(3, MatrixMarket.readHeader(file).entries());

    SparseMatrix ragusa = MatrixMarket.read(DIR.resolve("Ragusa16.mtx"));
    MatrixMarket.write(ragusa, file, Field.INTEGER, Symmetry.GENERAL);
    assertEquals(ragusa, MatrixMarket.read(file));

    SparseMatrix bcspwr = MatrixMarket.read(DIR.resolve("bcspwr01.mtx"));
    StringWriter text = new StringWriter();
    MatrixMarket.write(bcspwr, text, Field.PATTERN, Symmetry.SYMMETRIC);
    assertTrue(text.toString().startsWith(
        "%%MatrixMarket matrix coordinate pattern symmetric\n39 39 85\n1 1\n2 1\n2 2\n"),
        text.toString());
    assertEquals(bcspwr, read(text.toString()));
  }

  @Test
  void writingRefusesWhatTheFieldOrSymmetryCannotHold() {
    SparseMatrix a = SparseMatrix.fromDense(new double[][] {{1, 2}, {3, 4.5}});
    Path file = tmp.resolve("x.mtx");
    assertEquals("entry (1, 1) is 4.5, not an integer", assertThrows(
        IllegalArgumentException.class,
        () -> MatrixMarket.write(a, file, Field.INTEGER, Symmetry.GENERAL)).getMessage());
    assertEquals("entry (0, 1) is 2.0 but entry (1, 0) is 3.0; the matrix is not symmetric",
        assertThrows(IllegalArgumentException.class,
            () -> MatrixMarket.write(a, file, Field.REAL, Symmetry.SYMMETRIC)).getMessage());
    assertEquals("entry (0, 0) is 1.0; a skew-symmetric matrix has a zero diagonal",
        assertThrows(IllegalArgumentException.class,
            () -> MatrixMarket.write(a, file, Field.REAL, Symmetry.SKEW_SYMMETRIC)).getMessage());
    assertEquals("a SparseMatrix holds real values; it cannot be written as complex",
        assertThrows(IllegalArgumentException.class,
            () -> MatrixMarket.write(a, file, Field.COMPLEX, Symmetry.GENERAL)).getMessage());
    assertEquals("a 1 x 2 matrix cannot be symmetric", assertThrows(
        IllegalArgumentException.class, () -> MatrixMarket.write(SparseMatrix.builder(1, 2)
            .build(), file, Field.REAL, Symmetry.SYMMETRIC)).getMessage());
  }
}
