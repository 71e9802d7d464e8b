package dev.lathe.api.graph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetisTest {

  private static final Path DIR = Path.of("src/test/resources/graphs");

  @TempDir
  Path tmp;

  private static MetisGraph read(String text) throws IOException {
    return Metis.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "inline.graph");
  }

  private static String error(String text) {
    return assertThrows(FileFormatException.class, () -> read(text)).getMessage();
  }

  /** Figures counted independently from the file by a short Python script. */
  @Test
  void multiConstraintGraphFromTheMetisDistribution() throws IOException {
    MetisGraph mg = Metis.read(DIR.resolve("test.mgraph.gz"));
    Graph g = mg.graph();
    assertEquals(766, g.vertexCount());
    assertEquals(1314, mg.undirectedEdgeCount());
    assertEquals(2628, g.edgeCount());
    assertEquals(2, mg.constraints());
    assertFalse(mg.hasEdgeWeights());
    assertFalse(mg.hasVertexSizes());
    long first = 0;
    long second = 0;
    for (int v = 0; v < g.vertexCount(); v++) {
      first += mg.vertexWeight(v, 0);
      second += mg.vertexWeight(v, 1);
    }
    assertEquals(12317, first);
    assertEquals(2787, second);
    assertEquals(24, mg.vertexWeight(765, 0));
    assertEquals(8, mg.vertexWeight(765, 1));
    assertEquals(4, g.outDegree(765));
    assertTrue(g.findEdge(765, 408) >= 0, "vertex 766 lists 409");
    assertEquals(g, g.reversed(), "every edge is listed by both ends");
  }

  @Test
  void weightedVerticesAndEdgesWithCommentsAndAnIsolatedVertex() throws IOException {
    MetisGraph mg = Metis.read(DIR.resolve("small.graph"));
    Graph g = mg.graph();
    assertEquals(5, g.vertexCount());
    assertEquals(8, g.edgeCount());
    assertTrue(mg.hasEdgeWeights());
    assertEquals(1, mg.constraints());
    assertEquals(4.0, g.weight(g.findEdge(0, 1)));
    assertEquals(7.0, g.weight(g.findEdge(3, 2)));
    assertEquals(0, g.outDegree(4));
    assertEquals(3, mg.vertexWeight(0, 0));
    assertEquals(1, mg.vertexWeight(4, 0));
    assertEquals("MetisGraph[5 vertices, 4 edges, 1 weights per vertex, edge weights]",
        mg.toString());
  }

  @Test
  void blankLinesAreVerticesWithoutNeighboursAndSizesRead() throws IOException {
    MetisGraph plain = read("3 1\n2\n1\n\n");
    assertEquals(3, plain.graph().vertexCount());
    assertEquals(0, plain.graph().outDegree(2));
    assertEquals(0, plain.constraints());
    MetisGraph sized = read("2 1 100\n5 2\n7 1\n");
    assertTrue(sized.hasVertexSizes());
    assertEquals(7, sized.vertexSize(1));
    MetisGraph multi = read("2 1 11 3\n1 2 3 2 9\n4 5 6 1 9\n");
    assertEquals(3, multi.constraints());
    assertEquals(6, multi.vertexWeight(1, 2));
    assertEquals(9.0, multi.graph().weight(0));
  }

  @Test
  void roundTripsReadBack() throws IOException {
    Path file = tmp.resolve("out.graph");
    for (String name : new String[] {"small.graph", "test.mgraph.gz"}) {
      MetisGraph mg = Metis.read(DIR.resolve(name));
      Metis.write(mg, file);
      MetisGraph back = Metis.read(file);
      assertEquals(mg.graph(), back.graph(), name);
      assertEquals(mg.toString(), back.toString(), name);
      for (int v = 0; v < mg.graph().vertexCount(); v++) {
        for (int c = 0; c < mg.constraints(); c++) {
          assertEquals(mg.vertexWeight(v, c), back.vertexWeight(v, c));
        }
      }
    }
    assertEquals("5 4 011\n3 2 4 3 1\n1 1 4 3 2\n2 1 1 2 2 4 7\n4 3 7\n1\n",
        written("small.graph"));
    Graph plain = Metis.read(DIR.resolve("test.mgraph.gz")).graph();
    Metis.write(plain, file);
    assertTrue(Files.readString(file).startsWith("766 1314\n2 389 479 571\n"));
  }

  private static String written(String name) throws IOException {
    StringWriter out = new StringWriter();
    Metis.write(Metis.read(DIR.resolve(name)), out);
    return out.toString();
  }

  @Test
  void writingRefusesGraphsMetisCannotHold() {
    Path file = tmp.resolve("x.graph");
    assertEquals("edge 0 -> 1 of weight 1.0 has no reverse edge of the same weight; METIS graphs"
        + " are undirected", assertThrows(IllegalArgumentException.class,
            () -> Metis.write(Graph.builder(2).addEdge(0, 1, 1).build(), file)).getMessage());
    assertEquals("edge 1 -> 1 is a loop; METIS graphs have none", assertThrows(
        IllegalArgumentException.class,
        () -> Metis.write(Graph.builder(2).addEdge(1, 1, 1).build(), file)).getMessage());
    assertEquals("edge 0 -> 1 has weight 1.5; METIS edge weights are integers", assertThrows(
        IllegalArgumentException.class, () -> Metis.write(Graph.builder(2).addEdge(0, 1, 1.5)
            .addEdge(1, 0, 1.5).build(), file)).getMessage());
    assertEquals("edge 0 -> 1 is repeated; METIS graphs have no parallel edges", assertThrows(
        IllegalArgumentException.class, () -> Metis.write(Graph.builder(2).addEdge(0, 1, 1)
            .addEdge(0, 1, 1).addEdge(1, 0, 1).build(), file)).getMessage());
    assertEquals("2 weights for each of 2 vertices make 4, got 3", assertThrows(
        IllegalArgumentException.class, () -> MetisGraph.of(Graph.builder(2).build(), false, 2,
            new long[3], null)).getMessage());
  }

  @Test
  void malformedFilesNameTheFileAndTheLine() {
    assertEquals("inline.graph:1: the file is empty; a METIS graph starts with the line"
        + " 'n m [fmt [ncon]]'", error("% nothing\n"));
    assertEquals("inline.graph:1: fmt must be up to three digits 0 or 1, found '2'",
        error("2 1 2\n"));
    assertEquals("inline.graph:1: ncon is given but fmt 001 has no vertex weights",
        error("2 1 001 2\n"));
    assertEquals("inline.graph:3: vertex 2 lists neighbour 3, outside 1..2",
        error("2 1\n2\n3\n"));
    assertEquals("inline.graph:2: vertex 1 lists itself; METIS graphs have no loops",
        error("2 1\n1\n1\n"));
    assertEquals("inline.graph:2: expected the weight of edge 1 -- 2, found the end of the line",
        error("2 1 1\n2\n1 3\n"));
    assertEquals("inline.graph:2: expected weight 1 of vertex 1, found the end of the line",
        error("2 1 10\n\n1 2\n"));
    assertEquals("inline.graph:3: the end of the file after 2 of the 3 vertex lines declared on"
        + " line 1", error("3 1\n2\n1"));
    assertEquals("inline.graph:4: more than the 2 vertex lines declared on line 1",
        error("2 1\n2\n1\n1\n"));
    assertEquals("inline.graph:1: the header declares 2 edges, but the adjacency lists hold 2"
        + " entries, not 4", error("2 2\n2\n1\n"));
    assertEquals("inline.graph:3: the adjacency lists hold more than the 2 entries that 1 edges"
        + " (line 1) make", error("3 1\n2\n1 3\n2\n"));
    assertEquals("inline.graph:2: vertex 1 lists 2, but vertex 2 (line 3) does not list 1",
        error("3 1\n2\n3\n\n"));
    assertEquals("inline.graph:3: edge 1 -- 2 has weight 4 here but 5 on line 4",
        error("% comment\n2 1 1\n2 4\n1 5\n"));
    assertEquals("inline.graph:2: vertex 1 lists neighbour 2 twice",
        error("2 2\n2 2\n1 1\n"));
  }
}
