package dev.lathe.api.graph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeListTest {

  private static final Path DIR = Path.of("src/test/resources/graphs");

  @TempDir
  Path tmp;

  private static Graph read(EdgeList format, String text) throws IOException {
    return format.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "inline.txt");
  }

  private static String error(EdgeList format, String text) {
    return assertThrows(FileFormatException.class, () -> read(format, text)).getMessage();
  }

  @Test
  void weightedOneBasedFileWithCommentsAndMixedSeparators() throws IOException {
    Graph g = EdgeList.format().firstVertex(1).read(DIR.resolve("weighted.edges"));
    assertEquals(4, g.vertexCount());
    assertEquals(5, g.edgeCount());
    assertEquals(0.5, g.weight(g.findEdge(0, 1)));
    assertEquals(2.25, g.weight(g.findEdge(0, 2)));
    assertEquals(1.0, g.weight(g.findEdge(1, 2)));
    assertEquals(4.0, g.weight(g.findEdge(2, 3)));
    assertEquals(10.0, g.weight(g.findEdge(3, 0)));
    assertEquals(-1, g.findEdge(1, 0));
  }

  @Test
  void undirectedUnweightedWithAGivenVertexCount() throws IOException {
    Graph g = read(EdgeList.format().undirected(true).vertexCount(5).defaultWeight(2),
        "0 1\n1 2\n3 3\n");
    assertEquals(5, g.vertexCount());
    assertEquals(5, g.edgeCount(), "two edges per line, one for the loop");
    assertEquals(2.0, g.weight(g.findEdge(1, 0)));
    assertEquals(0, g.outDegree(4));
  }

  @Test
  void roundTripReadsBackBitForBit() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    Graph.Builder b = Graph.builder(100);
    for (int i = 0; i < 500; i++) {
      b.addEdge(random.nextInt(100), random.nextInt(100), random.nextDouble() * 1e4);
    }
    b.addEdge(99, 98, 0.1);
    Graph g = b.build();
    Path file = tmp.resolve("g.edges");
    EdgeList oneBased = EdgeList.format().firstVertex(1);
    oneBased.write(g, file);
    assertEquals(g, oneBased.read(file));
    StringWriter text = new StringWriter();
    EdgeList.format().write(Graph.builder(3).addEdge(2, 0, 1.5).build(), text);
    assertEquals("# 3 vertices, 1 edges\n2 0 1.5\n", text.toString());
  }

  @Test
  void malformedLinesNameTheFileAndTheLine() {
    EdgeList plain = EdgeList.format();
    assertEquals("inline.txt:2: expected a target vertex, found the end of the line",
        error(plain, "0 1\n2\n"));
    assertEquals("inline.txt:1: expected a source vertex (an integer), found 'a'",
        error(plain, "a b\n"));
    assertEquals("inline.txt:3: this edge has no weight but the edge on line 2 has one",
        error(plain, "# header\n0 1 2.5\n1 2\n"));
    assertEquals("inline.txt:2: this edge has a weight but the edge on line 1 has none",
        error(plain, "0 1\n1 2 2.5\n"));
    assertEquals("inline.txt:1: edge 0 -> 1 has weight -1.0; weights must be >= 0",
        error(plain, "0 1 -1\n"));
    assertEquals("inline.txt:1: expected a weight (a number), found 'heavy'",
        error(plain, "0 1 heavy\n"));
    assertEquals("inline.txt:1: expected two vertices and an optional weight, found more: '4'",
        error(plain, "0 1 2 4\n"));
    assertEquals("inline.txt:2: vertex 0 is outside 1..2147483646",
        error(EdgeList.format().firstVertex(1), "1 2\n0 1\n"));
    assertEquals("inline.txt:1: vertex 3 is outside 0..2 (3 vertices)",
        error(EdgeList.format().vertexCount(3), "0 3\n"));
  }

  @Test
  void optionsRefuseNonsense() {
    assertEquals("vertex count must not be negative, got -1", assertThrows(
        IllegalArgumentException.class, () -> EdgeList.format().vertexCount(-1)).getMessage());
    assertEquals("default weight must be >= 0, got NaN", assertThrows(
        IllegalArgumentException.class, () -> EdgeList.format().defaultWeight(Double.NaN))
        .getMessage());
    assertTrue(EdgeList.format() == EdgeList.format(), "the default format is shared");
  }
}
