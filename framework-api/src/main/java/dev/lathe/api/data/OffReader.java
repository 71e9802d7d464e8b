package dev.lathe.api.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Reads ASCII OFF meshes; see {@link Mesh#readOff}. */
final class OffReader {

  /** {@code OFF} with the optional prefixes of texture (ST), colour (C) and normal (N) data. */
  private static final Pattern HEADER = Pattern.compile("(ST)?C?N?OFF");

  private final Path file;
  private final BufferedReader in;
  private long lineNumber;

  private OffReader(Path file, BufferedReader in) {
    this.file = file;
    this.in = in;
  }

  static Mesh read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      return new OffReader(file, in).mesh();
    }
  }

  private Mesh mesh() throws IOException {
    String[] first = nextLine("the OFF header");
    String keyword = first[0];
    if (!HEADER.matcher(keyword).matches()) {
      throw error(keyword.matches("(ST)?C?N?4?n?OFF")
          ? "header " + keyword + ": only 3-D OFF files are read"
          : "header '" + keyword + "' is not OFF");
    }
    String[] counts;
    if (first.length > 1 && first[1].equals("BINARY")) {
      throw error("binary OFF files are not read; convert to ASCII OFF or PLY");
    } else if (first.length > 1) {
      counts = Arrays.copyOfRange(first, 1, first.length);
    } else {
      counts = nextLine("the vertex, face and edge counts");
    }
    if (counts.length < 2) {
      throw error("expected the vertex, face and edge counts, found '"
          + String.join(" ", counts) + "'");
    }
    int vertexCount = count(counts[0], "vertex count");
    int faceCount = count(counts[1], "face count");
    double[] vertices = new double[Math.multiplyExact(3, vertexCount)];
    for (int v = 0; v < vertexCount; v++) {
      String[] values = nextLine("vertex " + v + " of " + vertexCount);
      if (values.length < 3) {
        throw error("vertex " + v + " has " + values.length + " values; it needs x y z");
      }
      for (int axis = 0; axis < 3; axis++) {
        vertices[3 * v + axis] = coordinate(values[axis], v);
      }
    }
    IntList triangles = new IntList();
    for (int f = 0; f < faceCount; f++) {
      String[] values = nextLine("face " + f + " of " + faceCount);
      int corners = count(values[0], "corner count of face " + f);
      if (corners < 3) {
        throw error("face " + f + " has " + corners + " corners; a face needs at least 3");
      }
      if (values.length < corners + 1) {
        throw error("face " + f + " announces " + corners + " corners but lists "
            + (values.length - 1) + " values");
      }
      int[] index = new int[corners];
      for (int c = 0; c < corners; c++) {
        index[c] = count(values[c + 1], "corner of face " + f);
        if (index[c] >= vertexCount) {
          throw error("face " + f + " names vertex " + index[c] + " but there are only "
              + vertexCount);
        }
      }
      for (int c = 1; c + 1 < corners; c++) {
        triangles.add(index[0], index[c], index[c + 1]);
      }
    }
    return Mesh.of(vertices, triangles.toArray(), null, null);
  }

  /** The next line that holds more than a comment, split at white space. */
  private String[] nextLine(String expected) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (!content.isEmpty()) {
        return content.split("\\s+");
      }
    }
    throw new MalformedDataException(file, lineNumber, "truncated: the file ends before "
        + expected);
  }

  private int count(String token, String what) throws MalformedDataException {
    try {
      int value = Integer.parseInt(token);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(what + " '" + token + "' is not a non-negative integer");
  }

  private double coordinate(String token, int vertex) throws MalformedDataException {
    try {
      double value = Double.parseDouble(token);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error("vertex " + vertex + " has coordinate '" + token + "', not a finite number");
  }

  private MalformedDataException error(String problem) {
    return new MalformedDataException(file, lineNumber, problem);
  }
}
