package dev.lathe.api.graph.io;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.graph.Graph;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Reads and writes METIS graph files ({@code .graph}, METIS 5 manual, section 4.1.1).
 *
 * <p>The header is {@code n m [fmt [ncon]]}: {@code n} vertices, {@code m} undirected edges;
 * the digits of {@code fmt} say whether vertex sizes (hundreds), vertex weights (tens) and edge
 * weights (units) are present; {@code ncon} is the number of weights per vertex (1 if vertex
 * weights are present and it is not given). Then line {@code i} (counting only non-comment
 * lines) describes vertex {@code i}, 1-based: its size, its weights, then its neighbours, each
 * followed by the edge's weight where edge weights are present. A blank line is a vertex
 * without neighbours; lines starting with {@code %} are comments. Every edge must be listed by
 * both of its vertices with the same weight, without loops or repeats; {@link #read} checks
 * this and names the line that breaks it. All weights are non-negative integers.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Metis {

  private Metis() {}

  /**
   * Reads a METIS graph.
   *
   * @param file a METIS graph file, not null
   * @throws FileFormatException naming the file and line where it breaks the format
   */
  public static MetisGraph read(Path file) throws IOException {
    try (LineScanner in = new LineScanner(LineScanner.open(file), file.toString(), false)) {
      return read(in);
    }
  }

  /**
   * Reads a METIS graph from a stream, which is closed afterwards.
   *
   * @param in the file's bytes, not null
   * @param source the file's name for messages, not null
   */
  public static MetisGraph read(InputStream in, String source) throws IOException {
    try (LineScanner scanner = new LineScanner(in, source, false)) {
      return read(scanner);
    }
  }

  private static boolean nextContentLine(LineScanner in, boolean blankCounts)
      throws IOException {
    while (in.nextLine()) {
      int first = in.firstCharacter();
      if (first != '%' && (blankCounts || first != -1)) {
        return true;
      }
    }
    return false;
  }

  private static MetisGraph read(LineScanner in) throws IOException {
    if (!nextContentLine(in, false)) {
      throw in.error("the file is empty; a METIS graph starts with the line 'n m [fmt [ncon]]'");
    }
    long headerLine = in.lineNumber();
    int n = in.nextInt("the number of vertices", 0);
    long m = in.nextLong("the number of edges");
    if (m < 0 || 2 * m > Integer.MAX_VALUE - 8) {
      throw in.error("the number of edges must be between 0 and " + (Integer.MAX_VALUE / 2 - 4)
          + ", found " + m);
    }
    boolean sizes = false;
    boolean vertexWeights = false;
    boolean edgeWeights = false;
    int constraints = 0;
    if (in.hasToken()) {
      String fmt = in.nextToken("fmt");
      if (!fmt.matches("[01]{1,3}")) {
        throw in.error("fmt must be up to three digits 0 or 1, found '" + fmt + "'");
      }
      String padded = "000".substring(fmt.length()) + fmt;
      sizes = padded.charAt(0) == '1';
      vertexWeights = padded.charAt(1) == '1';
      edgeWeights = padded.charAt(2) == '1';
      constraints = vertexWeights ? 1 : 0;
      if (in.hasToken()) {
        constraints = in.nextInt("ncon", 1);
        if (!vertexWeights) {
          throw in.error("ncon is given but fmt " + fmt + " has no vertex weights");
        }
      }
    }
    in.expectEndOfLine("n m [fmt [ncon]]");
    long[] weightsOfVertices = new long[Math.multiplyExact(constraints, n)];
    long[] sizesOfVertices = sizes ? new long[n] : null;
    long[] lineOf = new long[n];
    Graph.Builder b = Graph.builder(n);
    for (int u = 0; u < n; u++) {
      if (!nextContentLine(in, true)) {
        throw in.error("the end of the file after " + u + " of the " + n
            + " vertex lines declared on line " + headerLine);
      }
      lineOf[u] = in.lineNumber();
      if (sizes) {
        sizesOfVertices[u] = in.nextInt("the size of vertex " + (u + 1), 0);
      }
      for (int c = 0; c < constraints; c++) {
        weightsOfVertices[u * constraints + c] = in.nextInt("weight " + (c + 1) + " of vertex "
            + (u + 1), 0);
      }
      while (in.hasToken()) {
        long v = in.nextLong("a neighbour");
        if (v < 1 || v > n) {
          throw in.error("vertex " + (u + 1) + " lists neighbour " + v + ", outside 1.." + n);
        }
        if (v == u + 1) {
          throw in.error("vertex " + (u + 1) + " lists itself; METIS graphs have no loops");
        }
        long w = edgeWeights ? in.nextInt("the weight of edge " + (u + 1) + " -- " + v, 0) : 1;
        if (b.edgeCount() == 2 * m) {
          throw in.error("the adjacency lists hold more than the " + 2 * m + " entries that "
              + m + " edges (line " + headerLine + ") make");
        }
        b.addEdge(u, (int) v - 1, w);
      }
    }
    if (nextContentLine(in, false)) {
      throw in.error("more than the " + n + " vertex lines declared on line " + headerLine);
    }
    if (b.edgeCount() != 2 * m) {
      throw new FileFormatException(in.source(), headerLine, "the header declares " + m
          + " edges, but the adjacency lists hold " + b.edgeCount() + " entries, not " + 2 * m);
    }
    Graph g = b.build();
    checkSymmetric(g, lineOf, in.source());
    return MetisGraph.of(g, edgeWeights, constraints, weightsOfVertices, sizesOfVertices);
  }

  private static void checkSymmetric(Graph g, long[] lineOf, String source)
      throws FileFormatException {
    for (int u = 0; u < g.vertexCount(); u++) {
      for (int e = g.offset(u); e < g.offset(u + 1); e++) {
        int v = g.target(e);
        if (e > g.offset(u) && g.target(e - 1) == v) {
          throw new FileFormatException(source, lineOf[u], "vertex " + (u + 1)
              + " lists neighbour " + (v + 1) + " twice");
        }
        int back = g.findEdge(v, u);
        if (back < 0) {
          throw new FileFormatException(source, lineOf[u], "vertex " + (u + 1) + " lists "
              + (v + 1) + ", but vertex " + (v + 1) + " (line " + lineOf[v] + ") does not list "
              + (u + 1));
        }
        if (g.weight(back) != g.weight(e)) {
          throw new FileFormatException(source, lineOf[u], "edge " + (u + 1) + " -- " + (v + 1)
              + " has weight " + (long) g.weight(e) + " here but " + (long) g.weight(back)
              + " on line " + lineOf[v]);
        }
      }
    }
  }

  /**
   * Writes a graph without vertex weights; edge weights are written unless all are 1.
   *
   * @param graph a symmetric graph with non-negative integer weights, no loops, no parallel edges
   * @param file where to write; replaced if it exists
   * @throws IllegalArgumentException naming the edge that breaks these rules
   */
  public static void write(Graph graph, Path file) throws IOException {
    boolean weighted = false;
    for (int e = 0; e < graph.edgeCount(); e++) {
      weighted |= graph.weight(e) != 1;
    }
    write(MetisGraph.of(graph, weighted, 0, null, null), file);
  }

  /**
   * Writes a METIS graph.
   *
   * @param graph the graph with its vertex weights and sizes, not null
   * @param file where to write; replaced if it exists
   * @throws IllegalArgumentException naming the edge that is not symmetric, a loop, repeated, or
   *     whose weight is not a non-negative integer
   */
  public static void write(MetisGraph graph, Path file) throws IOException {
    check(graph.graph(), graph.hasEdgeWeights());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      writeChecked(graph, out);
    }
  }

  /** Writes a METIS graph to a character stream, flushed but not closed. */
  public static void write(MetisGraph graph, Writer out) throws IOException {
    check(graph.graph(), graph.hasEdgeWeights());
    writeChecked(graph, out);
  }

  private static void check(Graph g, boolean edgeWeights) {
    for (int u = 0; u < g.vertexCount(); u++) {
      for (int e = g.offset(u); e < g.offset(u + 1); e++) {
        int v = g.target(e);
        double w = g.weight(e);
        String edge = "edge " + u + " -> " + v;
        if (u == v) {
          throw new IllegalArgumentException(edge + " is a loop; METIS graphs have none");
        }
        if (e > g.offset(u) && g.target(e - 1) == v) {
          throw new IllegalArgumentException(edge + " is repeated; METIS graphs have no"
              + " parallel edges");
        }
        int back = g.findEdge(v, u);
        if (back < 0 || g.weight(back) != w) {
          throw new IllegalArgumentException(edge + " of weight " + w + " has no reverse edge of"
              + " the same weight; METIS graphs are undirected");
        }
        if (edgeWeights ? w != Math.rint(w) || w > Integer.MAX_VALUE : w != 1) {
          throw new IllegalArgumentException(edge + " has weight " + w + "; "
              + (edgeWeights ? "METIS edge weights are integers" : "without edge weights every"
              + " weight must be 1"));
        }
      }
    }
  }

  private static void writeChecked(MetisGraph mg, Writer sink) throws IOException {
    BufferedWriter out = sink instanceof BufferedWriter bw ? bw : new BufferedWriter(sink);
    Graph g = mg.graph();
    String fmt = (mg.hasVertexSizes() ? "1" : "0") + (mg.constraints() > 0 ? "1" : "0")
        + (mg.hasEdgeWeights() ? "1" : "0");
    out.write(g.vertexCount() + " " + mg.undirectedEdgeCount());
    if (!fmt.equals("000")) {
      out.write(" " + fmt);
      if (mg.constraints() > 1) {
        out.write(" " + mg.constraints());
      }
    }
    out.write('\n');
    StringBuilder line = new StringBuilder(256);
    for (int u = 0; u < g.vertexCount(); u++) {
      line.setLength(0);
      if (mg.hasVertexSizes()) {
        line.append(mg.vertexSize(u));
      }
      for (int c = 0; c < mg.constraints(); c++) {
        line.append(line.length() > 0 ? " " : "").append(mg.vertexWeight(u, c));
      }
      for (int e = g.offset(u); e < g.offset(u + 1); e++) {
        line.append(line.length() > 0 ? " " : "").append(g.target(e) + 1);
        if (mg.hasEdgeWeights()) {
          line.append(' ').append((long) g.weight(e));
        }
      }
      out.append(line).append('\n');
    }
    out.flush();
  }
}
