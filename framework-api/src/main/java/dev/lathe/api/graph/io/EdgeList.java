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
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The plain edge-list format and its options: one edge per line, {@code u v} or
 * {@code u v weight}, fields separated by spaces, tabs or commas (so CSV without a header
 * reads too). Vertices are integers counted from {@link #firstVertex} (0 unless set; SNAP files
 * count from 0, many others from 1). Lines whose first character is {@code #} or {@code %} are
 * comments; blank lines are skipped. Either every edge line has a weight or none has (then
 * every weight is {@link #defaultWeight}, 1 unless set). A name ending in {@code .gz} is
 * decompressed on the fly. Instances are immutable: each option returns a new format.
 *
 * <pre>{@code
 * Graph g = EdgeList.format().firstVertex(1).undirected(true).read(Path.of("roads.txt"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EdgeList {

  private static final EdgeList DEFAULT = new EdgeList(0, false, -1, 1.0);

  private final long firstVertex;
  private final boolean undirected;
  private final int vertexCount;
  private final double defaultWeight;

  private EdgeList(long firstVertex, boolean undirected, int vertexCount,
      double defaultWeight) {
    this.firstVertex = firstVertex;
    this.undirected = undirected;
    this.vertexCount = vertexCount;
    this.defaultWeight = defaultWeight;
  }

  /** The default format: directed, vertices from 0, count from the largest vertex, weight 1. */
  public static EdgeList format() {
    return DEFAULT;
  }

  /** The number that names vertex 0, e.g. 1 for 1-based files; also used when writing. */
  public EdgeList firstVertex(long first) {
    return new EdgeList(first, undirected, vertexCount, defaultWeight);
  }

  /** Whether a line stands for the edges {@code u → v} and {@code v → u} (one for a loop). */
  public EdgeList undirected(boolean twoWay) {
    return new EdgeList(firstVertex, twoWay, vertexCount, defaultWeight);
  }

  /**
   * The number of vertices; without it the graph has as many as the largest vertex named needs.
   *
   * @throws IllegalArgumentException if the count is negative
   */
  public EdgeList vertexCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("vertex count must not be negative, got " + count);
    }
    return new EdgeList(firstVertex, undirected, count, defaultWeight);
  }

  /**
   * The weight of edges on lines without one.
   *
   * @throws IllegalArgumentException if the weight is negative or NaN
   */
  public EdgeList defaultWeight(double weight) {
    if (!(weight >= 0)) {
      throw new IllegalArgumentException("default weight must be >= 0, got " + weight);
    }
    return new EdgeList(firstVertex, undirected, vertexCount, weight);
  }

  /**
   * Reads a graph.
   *
   * @param file an edge list, not null
   * @throws FileFormatException naming the file and line of a malformed edge
   */
  public Graph read(Path file) throws IOException {
    try (LineScanner in = new LineScanner(LineScanner.open(file), file.toString(), true)) {
      return read(in);
    }
  }

  /**
   * Reads a graph from a stream, which is closed afterwards.
   *
   * @param in the file's bytes, not null
   * @param source the file's name for messages, not null
   */
  public Graph read(InputStream in, String source) throws IOException {
    try (LineScanner scanner = new LineScanner(in, source, true)) {
      return read(scanner);
    }
  }

  private Graph read(LineScanner in) throws IOException {
    int size = 0;
    int[] tails = new int[1024];
    int[] heads = new int[1024];
    double[] weights = new double[1024];
    int fields = 0;
    long fieldsLine = 0;
    int largest = -1;
    while (in.nextLine()) {
      int first = in.firstCharacter();
      if (first == -1 || first == '#' || first == '%') {
        continue;
      }
      int u = vertex(in, "a source vertex");
      int v = vertex(in, "a target vertex");
      double w = defaultWeight;
      int here = 2;
      if (in.hasToken()) {
        w = in.nextDouble("a weight");
        here = 3;
        if (!(w >= 0)) {
          throw in.error("edge " + (u + firstVertex) + " -> " + (v + firstVertex) + " has weight "
              + w + "; weights must be >= 0");
        }
      }
      in.expectEndOfLine("two vertices and an optional weight");
      if (fields == 0) {
        fields = here;
        fieldsLine = in.lineNumber();
      } else if (here != fields) {
        throw in.error("this edge has " + (here == 3 ? "a weight" : "no weight")
            + " but the edge on line " + fieldsLine + " has " + (fields == 3 ? "one" : "none"));
      }
      if (size == tails.length) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
        tails = Arrays.copyOf(tails, capacity);
        heads = Arrays.copyOf(heads, capacity);
        weights = Arrays.copyOf(weights, capacity);
      }
      tails[size] = u;
      heads[size] = v;
      weights[size++] = w;
      largest = Math.max(largest, Math.max(u, v));
    }
    int n = vertexCount >= 0 ? vertexCount : largest + 1;
    Graph.Builder b = Graph.builder(n);
    for (int i = 0; i < size; i++) {
      b.addEdge(tails[i], heads[i], weights[i]);
      if (undirected && tails[i] != heads[i]) {
        b.addEdge(heads[i], tails[i], weights[i]);
      }
    }
    return b.build();
  }

  private int vertex(LineScanner in, String what) throws FileFormatException {
    long id = in.nextLong(what);
    long v = id - firstVertex;
    long limit = vertexCount >= 0 ? vertexCount : Integer.MAX_VALUE - 1;
    if (v < 0 || v >= limit) {
      throw in.error("vertex " + id + " is outside " + firstVertex + ".."
          + (firstVertex + limit - 1)
          + (vertexCount >= 0 ? " (" + vertexCount + " vertices)" : ""));
    }
    return (int) v;
  }

  /**
   * Writes every edge as {@code u v weight}, vertices counted from {@link #firstVertex},
   * after a comment line with the counts; weights read back bit for bit.
   *
   * @param graph the graph, not null
   * @param file where to write; replaced if it exists
   */
  public void write(Graph graph, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      write(graph, out);
    }
  }

  /** Writes every edge to a character stream, which is flushed but not closed. */
  public void write(Graph graph, Writer sink) throws IOException {
    BufferedWriter out = sink instanceof BufferedWriter bw ? bw : new BufferedWriter(sink);
    out.write("# " + graph.vertexCount() + " vertices, " + graph.edgeCount() + " edges\n");
    StringBuilder line = new StringBuilder(48);
    for (int u = 0; u < graph.vertexCount(); u++) {
      for (int e = graph.offset(u); e < graph.offset(u + 1); e++) {
        line.setLength(0);
        line.append(u + firstVertex).append(' ').append(graph.target(e) + firstVertex)
            .append(' ').append(graph.weight(e)).append('\n');
        out.append(line);
      }
    }
    out.flush();
  }
}
