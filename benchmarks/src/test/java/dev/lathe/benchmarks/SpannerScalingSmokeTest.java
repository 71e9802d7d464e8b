package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.StronglyConnectedComponents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the spanner-scaling benchmark on two small grids: both sides, every method, a table. */
class SpannerScalingSmokeTest {

  @TempDir
  Path dir;

  @Test
  void timesDijkstraBesideJGraphTAndBuildsEverySpanner() {
    SpannerScaling benchmark = new SpannerScaling(4, 2, 3, dir);
    List<SpannerScaling.DijkstraResult> dijkstra = new ArrayList<>();
    List<SpannerScaling.SpannerResult> spanners = new ArrayList<>();
    for (int size : new int[] {2_000, 8_000}) {
      Graph g = SpannerScaling.grid(size, 1);
      assertEquals(1, StronglyConnectedComponents.of(g).count());
      assertTrue(g.edgeCount() > size / 2 && g.edgeCount() < 2 * size, g.toString());
      dijkstra.add(benchmark.dijkstra("grid " + size, g));
      for (String method : List.of("exact", "roundtrip", "cover")) {
        SpannerScaling.SpannerResult r = benchmark.spanner("grid " + size, g, method);
        assertTrue(r.edges() >= g.vertexCount() && r.edges() <= g.edgeCount(), r.toString());
        spanners.add(r);
      }
    }
    assertEquals(3, dijkstra.get(1).sources());
    assertTrue(dijkstra.get(1).latheMs() > 0 && dijkstra.get(1).ratio() > 0, dijkstra.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SpannerScaling.print(dijkstra, spanners, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.matches("(?s).*grid 8000 .* \\d+\\.\\dx\n.*"), table);
    assertTrue(table.contains("log-log slope of time vs m on the grids, roundtrip: "), table);
  }
}
