package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the graph-reader benchmark on small shipped files: both sides must run and agree. */
class GraphReadersSmokeTest {

  private static final Path FILES = Path.of("src/test/resources/graphs");

  @Test
  void readsBesideSciPyAndTheReferenceAndPrintsRatios() throws Exception {
    Path dir = Path.of(System.getProperty("lathe.benchmarks.dir"));
    GraphReaders benchmark = new GraphReaders(2, dir, Path.of("/usr/bin/python3"));
    GraphReaders.MatrixResult m = benchmark.matrixMarket(FILES.resolve("bcspwr01.mtx"));
    assertEquals(131, m.nnz());
    assertEquals(85, m.header().entries());
    assertEquals(275, m.productNnz());
    assertTrue(m.scipyVersion().startsWith("1."), m.scipyVersion());
    assertEquals(2, m.scipyCsrSeconds().size());
    assertEquals(2, m.latheSeconds().size());
    GraphReaders.RoadResult r = benchmark.roads(FILES.resolve("tiny.osm"),
        FILES.resolve("tiny.osm"));
    assertEquals(new GraphReaders.RoadCounts(7, 8, 11, 2, r.lathe().lengthMetres(), 5, 8),
        r.lathe());
    assertEquals(1309.790671931246, r.reference().lengthMetres(), 1e-9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GraphReaders.print(m, r, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("bcspwr01.mtx: 39 x 39, 85 entries (coordinate pattern symmetric)"
        + " -> 131 stored"), table);
    assertTrue(table.matches("(?s).*Lathe MatrixMarket\\.read \\(CSR\\) +2 +\\d+\\.\\d"
        + " +\\d+\\.\\d\ntime SciPy / Lathe: \\d+\\.\\dx for mmread \\+ tocsr.*"), table);
    assertTrue(table.contains("counts agree"), table);
  }
}
