package dev.lathe.api.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StronglyConnectedComponentsTest {

  @Test
  void componentsOfASmallGraph() {
    // 0 <-> 1 -> 2 <-> 3 <-> 4, 5 alone, 6 -> 5
    Graph g = Graph.builder(7).addEdge(0, 1, 1).addEdge(1, 0, 1).addEdge(1, 2, 1)
        .addEdge(2, 3, 1).addEdge(3, 2, 1).addEdge(3, 4, 1).addEdge(4, 2, 1).addEdge(6, 5, 1)
        .build();
    StronglyConnectedComponents scc = StronglyConnectedComponents.of(g);
    assertEquals(4, scc.count());
    assertEquals(scc.component(0), scc.component(1));
    assertEquals(scc.component(2), scc.component(4));
    int largest = scc.largest();
    assertEquals(3, scc.size(largest));
    assertArrayEquals(new int[] {2, 3, 4}, scc.vertices(largest));
    assertEquals(0, scc.component(2), "the sink component completes first");
    assertEquals(-1, StronglyConnectedComponents.of(Graph.builder(0).build()).largest());
  }

  @Test
  void randomGraphsAgreeWithMutualReachability() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 10; round++) {
      int n = 60;
      Graph.Builder b = Graph.builder(n);
      for (int i = 0; i < 80; i++) {
        b.addEdge(random.nextInt(n), random.nextInt(n), 1);
      }
      Graph g = b.build();
      StronglyConnectedComponents scc = StronglyConnectedComponents.of(g);
      boolean[][] reach = new boolean[n][];
      for (int v = 0; v < n; v++) {
        ShortestPathTree t = DijkstraShortestPaths.from(g, v);
        reach[v] = new boolean[n];
        for (int w = 0; w < n; w++) {
          reach[v][w] = t.isReached(w);
        }
      }
      int total = 0;
      for (int c = 0; c < scc.count(); c++) {
        total += scc.size(c);
      }
      assertEquals(n, total);
      for (int v = 0; v < n; v++) {
        for (int w = 0; w < n; w++) {
          assertEquals(reach[v][w] && reach[w][v], scc.component(v) == scc.component(w),
              "round " + round + ": " + v + " and " + w);
        }
      }
    }
  }

  @Test
  void aLongCycleNeedsNoDeepRecursion() {
    int n = 1_000_000;
    Graph.Builder b = Graph.builder(n);
    for (int v = 0; v < n; v++) {
      b.addEdge(v, (v + 1) % n, 1);
    }
    StronglyConnectedComponents scc = StronglyConnectedComponents.of(b.build());
    assertEquals(1, scc.count());
    assertEquals(n, scc.size(scc.largest()));
  }
}
