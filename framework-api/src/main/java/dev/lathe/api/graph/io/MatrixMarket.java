package dev.lathe.api.graph.io;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.sparse.SparseMatrix;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Reads and writes Matrix Market files (NIST, {@code math.nist.gov/MatrixMarket/formats.html}),
 * the format of the SuiteSparse Matrix Collection.
 *
 * <p>Reading accepts the {@code coordinate} and {@code array} formats; the {@code real},
 * {@code double}, {@code integer} and {@code pattern} fields (a pattern entry reads as 1.0); and
 * the {@code general}, {@code symmetric} and {@code skew-symmetric} kinds, whose stored triangle
 * is mirrored ({@code a[j][i] = a[i][j]}, resp. {@code -a[i][j]}). Like SciPy's {@code mmread},
 * an entry of a symmetric file may sit in either triangle, and entries given twice are summed.
 * A {@code hermitian} file of a real field is read as symmetric (for real values they are the
 * same); {@code complex} files are refused, since {@link SparseMatrix} holds real values. Array
 * files store only their non-zero values. Lines starting with {@code %} and blank lines are
 * skipped anywhere after the header; a name ending in {@code .gz} is decompressed on the fly.
 *
 * <p>Writing produces the {@code coordinate} format with 1-based indices in row-major order,
 * values printed so that they read back bit for bit.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MatrixMarket {

  private MatrixMarket() {}

  /** How the entries are listed. */
  public enum Format {
    /** One line per stored entry: row, column, value. */
    COORDINATE,
    /** Every value in column-major order, one per line. */
    ARRAY
  }

  /** What kind of value each entry holds. */
  public enum Field {
    /** Floating-point values ({@code real} or {@code double} in the header). */
    REAL,
    /** Integer values. */
    INTEGER,
    /** No values: every listed entry is 1. */
    PATTERN,
    /** Complex values (real and imaginary part); never read into a {@link SparseMatrix}. */
    COMPLEX
  }

  /** Which part of the matrix the file lists. */
  public enum Symmetry {
    /** Every entry. */
    GENERAL,
    /** One triangle; {@code a[j][i] = a[i][j]}. */
    SYMMETRIC,
    /** The strict lower triangle; {@code a[j][i] = -a[i][j]}, zero diagonal. */
    SKEW_SYMMETRIC,
    /** One triangle of a complex matrix; {@code a[j][i]} is the conjugate of {@code a[i][j]}. */
    HERMITIAN
  }

  /**
   * A Matrix Market file's banner and size line.
   *
   * @param format coordinate or array
   * @param field the kind of value
   * @param symmetry the part that is listed
   * @param rows the number of rows
   * @param columns the number of columns
   * @param entries the number of entry lines that follow: the declared count of a coordinate
   *     file, the number of listed values of an array file
   */
  public record Header(Format format, Field field, Symmetry symmetry, int rows, int columns,
      long entries) {}

  /**
   * Reads a matrix.
   *
   * @param file a Matrix Market file, not null
   * @throws FileFormatException naming the file and line where the file breaks the format or
   *     holds complex values
   * @throws IOException if the file cannot be read
   */
  public static SparseMatrix read(Path file) throws IOException {
    try (LineScanner in = new LineScanner(LineScanner.open(file), file.toString(), false)) {
      return read(in);
    }
  }

  /**
   * Reads a matrix from a stream, which is closed afterwards.
   *
   * @param in the file's bytes, not null
   * @param source the file's name for messages, not null
   */
  public static SparseMatrix read(InputStream in, String source) throws IOException {
    try (LineScanner scanner = new LineScanner(in, source, false)) {
      return read(scanner);
    }
  }

  /**
   * Reads only the banner and size line of a file.
   *
   * @param file a Matrix Market file, not null
   * @throws FileFormatException naming the file and line if the header breaks the format
   */
  public static Header readHeader(Path file) throws IOException {
    try (LineScanner in = new LineScanner(LineScanner.open(file), file.toString(), false)) {
      return readHeader(in);
    }
  }

  private static SparseMatrix read(LineScanner in) throws IOException {
    Header h = readHeader(in);
    long sizeLine = in.lineNumber();
    if (h.field == Field.COMPLEX) {
      throw new FileFormatException(in.source(), 1, "complex matrices are not supported:"
          + " SparseMatrix holds real values");
    }
    SparseMatrix.Builder b = SparseMatrix.builder(h.rows, h.columns);
    if (h.format == Format.COORDINATE) {
      readCoordinates(in, h, b);
    } else {
      readArray(in, h, b);
    }
    while (in.nextLine()) {
      if (!isSkipped(in)) {
        throw in.error("more entries than the " + h.entries + " declared on line " + sizeLine);
      }
    }
    return b.build();
  }

  private static boolean isSkipped(LineScanner in) {
    int first = in.firstCharacter();
    return first == -1 || first == '%';
  }

  private static void nextEntryLine(LineScanner in, Header h, long read, long sizeLine)
      throws IOException {
    do {
      if (!in.nextLine()) {
        throw in.error("the end of the file after " + read + " of the " + h.entries
            + " entries declared on line " + sizeLine);
      }
    } while (isSkipped(in));
  }

  private static void readCoordinates(LineScanner in, Header h, SparseMatrix.Builder b)
      throws IOException {
    long sizeLine = in.lineNumber();
    String fields = h.field == Field.PATTERN ? "row and column" : "row, column and value";
    for (long k = 0; k < h.entries; k++) {
      nextEntryLine(in, h, k, sizeLine);
      int i = in.nextInt("a row", 1) - 1;
      int j = in.nextInt("a column", 1) - 1;
      if (i >= h.rows || j >= h.columns) {
        throw in.error("entry (" + (i + 1) + ", " + (j + 1) + ") is outside the " + h.rows
            + " x " + h.columns + " matrix");
      }
      double v = value(in, h.field);
      in.expectEndOfLine(fields);
      put(in, h.symmetry, b, i, j, v);
    }
  }

  private static void readArray(LineScanner in, Header h, SparseMatrix.Builder b)
      throws IOException {
    long sizeLine = in.lineNumber();
    long read = 0;
    for (int j = 0; j < h.columns; j++) {
      int first = switch (h.symmetry) {
        case GENERAL -> 0;
        case SYMMETRIC, HERMITIAN -> j;
        case SKEW_SYMMETRIC -> j + 1;
      };
      for (int i = first; i < h.rows; i++) {
        nextEntryLine(in, h, read++, sizeLine);
        double v = value(in, h.field);
        in.expectEndOfLine("one value per line");
        if (v != 0) {
          put(in, h.symmetry, b, i, j, v);
        }
      }
    }
  }

  private static double value(LineScanner in, Field field) throws FileFormatException {
    return switch (field) {
      case PATTERN -> 1.0;
      case INTEGER -> in.nextLong("an integer value");
      default -> {
        double v = in.nextDouble("a value");
        if (Double.isNaN(v)) {
          throw in.error("the value is NaN");
        }
        yield v;
      }
    };
  }

  private static void put(LineScanner in, Symmetry symmetry, SparseMatrix.Builder b, int i,
      int j, double v) throws FileFormatException {
    b.add(i, j, v);
    if (i != j) {
      if (symmetry == Symmetry.SYMMETRIC || symmetry == Symmetry.HERMITIAN) {
        b.add(j, i, v);
      } else if (symmetry == Symmetry.SKEW_SYMMETRIC) {
        b.add(j, i, -v);
      }
    } else if (symmetry == Symmetry.SKEW_SYMMETRIC && v != 0) {
      throw in.error("a skew-symmetric matrix has a zero diagonal, but entry (" + (i + 1) + ", "
          + (j + 1) + ") is " + v);
    }
  }

  private static Header readHeader(LineScanner in) throws IOException {
    if (!in.nextLine()) {
      throw in.error("the file is empty; a Matrix Market file starts with %%MatrixMarket");
    }
    String banner = in.nextToken("the banner %%MatrixMarket");
    if (!banner.equalsIgnoreCase("%%MatrixMarket")) {
      throw in.error("not a Matrix Market file: the first line must start with %%MatrixMarket,"
          + " found '" + in.lineText() + "'");
    }
    String object = in.nextToken("the object (matrix)").toLowerCase(Locale.ROOT);
    if (!object.equals("matrix")) {
      throw in.error("only matrices are supported, found the object '" + object + "'");
    }
    String formatName = in.nextToken("the format (coordinate or array)")
        .toLowerCase(Locale.ROOT);
    Format format = switch (formatName) {
      case "coordinate" -> Format.COORDINATE;
      case "array" -> Format.ARRAY;
      default -> throw in.error("unknown format '" + formatName
          + "'; expected coordinate or array");
    };
    String fieldName = in.nextToken("the field (real, integer, pattern or complex)")
        .toLowerCase(Locale.ROOT);
    Field field = switch (fieldName) {
      case "real", "double" -> Field.REAL;
      case "integer" -> Field.INTEGER;
      case "pattern" -> Field.PATTERN;
      case "complex" -> Field.COMPLEX;
      default -> throw in.error("unknown field '" + fieldName
          + "'; expected real, integer, pattern or complex");
    };
    String symmetryName = in.nextToken(
        "the symmetry (general, symmetric, skew-symmetric or hermitian)").toLowerCase(Locale.ROOT);
    Symmetry symmetry = switch (symmetryName) {
      case "general" -> Symmetry.GENERAL;
      case "symmetric" -> Symmetry.SYMMETRIC;
      case "skew-symmetric" -> Symmetry.SKEW_SYMMETRIC;
      case "hermitian" -> Symmetry.HERMITIAN;
      default -> throw in.error("unknown symmetry '" + symmetryName
          + "'; expected general, symmetric, skew-symmetric or hermitian");
    };
    in.expectEndOfLine("nothing after the symmetry");
    if (format == Format.ARRAY && field == Field.PATTERN) {
      throw in.error("an array file cannot have the pattern field");
    }
    if (symmetry == Symmetry.SKEW_SYMMETRIC && field == Field.PATTERN) {
      throw in.error("a pattern file cannot be skew-symmetric");
    }
    if (symmetry == Symmetry.HERMITIAN && field == Field.COMPLEX) {
      throw in.error("hermitian matrices hold complex values, which are not supported:"
          + " SparseMatrix holds real values");
    }
    do {
      if (!in.nextLine()) {
        throw in.error("the end of the file before the size line");
      }
    } while (isSkipped(in));
    int rows = in.nextInt("the number of rows", 0);
    int columns = in.nextInt("the number of columns", 0);
    long entries;
    if (format == Format.COORDINATE) {
      entries = in.nextLong("the number of entries");
      if (entries < 0) {
        throw in.error("the number of entries must not be negative, found " + entries);
      }
      in.expectEndOfLine("rows, columns and entries");
    } else {
      in.expectEndOfLine("rows and columns");
      long n = rows;
      entries = switch (symmetry) {
        case GENERAL -> n * columns;
        case SYMMETRIC, HERMITIAN -> n * (n + 1) / 2;
        case SKEW_SYMMETRIC -> n * (n - 1) / 2;
      };
    }
    if (symmetry != Symmetry.GENERAL && rows != columns) {
      throw in.error("a " + symmetryName + " matrix must be square, but it is " + rows + " x "
          + columns);
    }
    return new Header(format, field, symmetry, rows, columns, entries);
  }

  /**
   * Writes a matrix in the coordinate format with real values, every entry listed.
   *
   * @param matrix the matrix, not null
   * @param file where to write; replaced if it exists
   */
  public static void write(SparseMatrix matrix, Path file) throws IOException {
    write(matrix, file, Field.REAL, Symmetry.GENERAL);
  }

  /**
   * Writes a matrix in the coordinate format.
   *
   * @param matrix the matrix, not null
   * @param file where to write; replaced if it exists
   * @param field {@code REAL}, {@code INTEGER} (every value must be an integer) or
   *     {@code PATTERN} (values are dropped)
   * @param symmetry {@code GENERAL}, or {@code SYMMETRIC} / {@code SKEW_SYMMETRIC} if the matrix
   *     is (then only its lower triangle is written)
   * @throws IllegalArgumentException naming the row and column of an entry that does not fit the
   *     field or the symmetry, or for a complex field or hermitian symmetry
   */
  public static void write(SparseMatrix matrix, Path file, Field field, Symmetry symmetry)
      throws IOException {
    check(matrix, field, symmetry);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      writeChecked(matrix, out, field, symmetry);
    }
  }

  /**
   * Writes a matrix to a character stream, which is flushed but not closed.
   *
   * @see #write(SparseMatrix, Path, Field, Symmetry)
   */
  public static void write(SparseMatrix matrix, Writer out, Field field, Symmetry symmetry)
      throws IOException {
    check(matrix, field, symmetry);
    writeChecked(matrix, out, field, symmetry);
  }

  private static void check(SparseMatrix m, Field field, Symmetry symmetry) {
    if (field == Field.COMPLEX || symmetry == Symmetry.HERMITIAN) {
      throw new IllegalArgumentException("a SparseMatrix holds real values; it cannot be written"
          + " as " + (field == Field.COMPLEX ? "complex" : "hermitian"));
    }
    if (symmetry != Symmetry.GENERAL && m.rows() != m.columns()) {
      throw new IllegalArgumentException("a " + m.rows() + " x " + m.columns()
          + " matrix cannot be " + symmetry.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    double sign = symmetry == Symmetry.SKEW_SYMMETRIC ? -1 : 1;
    for (int r = 0; r < m.rows(); r++) {
      for (int k = m.rowStart(r); k < m.rowStart(r + 1); k++) {
        int c = m.columnIndex(k);
        double v = m.value(k);
        if (field == Field.INTEGER && (v != Math.rint(v) || Math.abs(v) >= 0x1p63)) {
          throw new IllegalArgumentException("entry (" + r + ", " + c + ") is " + v
              + ", not an integer");
        }
        if (symmetry == Symmetry.GENERAL) {
          continue;
        }
        if (r == c) {
          if (symmetry == Symmetry.SKEW_SYMMETRIC && v != 0) {
            throw new IllegalArgumentException("entry (" + r + ", " + c + ") is " + v
                + "; a skew-symmetric matrix has a zero diagonal");
          }
        } else if (m.get(c, r) != sign * v) {
          throw new IllegalArgumentException("entry (" + r + ", " + c + ") is " + v
              + " but entry (" + c + ", " + r + ") is " + m.get(c, r) + "; the matrix is not "
              + symmetry.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
      }
    }
  }

  private static void writeChecked(SparseMatrix m, Writer sink, Field field, Symmetry symmetry)
      throws IOException {
    BufferedWriter out = sink instanceof BufferedWriter bw ? bw : new BufferedWriter(sink);
    long entries = 0;
    for (int r = 0; r < m.rows(); r++) {
      for (int k = m.rowStart(r); k < m.rowStart(r + 1); k++) {
        if (isWritten(r, m.columnIndex(k), symmetry)) {
          entries++;
        }
      }
    }
    out.write("%%MatrixMarket matrix coordinate " + field.name().toLowerCase(Locale.ROOT) + " "
        + symmetry.name().toLowerCase(Locale.ROOT).replace('_', '-') + "\n");
    out.write(m.rows() + " " + m.columns() + " " + entries + "\n");
    StringBuilder line = new StringBuilder(64);
    for (int r = 0; r < m.rows(); r++) {
      for (int k = m.rowStart(r); k < m.rowStart(r + 1); k++) {
        int c = m.columnIndex(k);
        if (!isWritten(r, c, symmetry)) {
          continue;
        }
        line.setLength(0);
        line.append(r + 1).append(' ').append(c + 1);
        if (field == Field.REAL) {
          line.append(' ').append(m.value(k));
        } else if (field == Field.INTEGER) {
          line.append(' ').append((long) m.value(k));
        }
        out.append(line).append('\n');
      }
    }
    out.flush();
  }

  private static boolean isWritten(int r, int c, Symmetry symmetry) {
    return switch (symmetry) {
      case GENERAL -> true;
      case SYMMETRIC, HERMITIAN -> r >= c;
      case SKEW_SYMMETRIC -> r > c;
    };
  }
}
