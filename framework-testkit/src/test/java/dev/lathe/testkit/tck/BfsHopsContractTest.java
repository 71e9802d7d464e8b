package dev.lathe.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.spi.GraphAlgorithmProvider;

/** Also checks each result against breadth-first search's guarantee, through the contract's hook. */
class BfsHopsContractTest extends GraphAlgorithmContract {

  @Override
  protected GraphAlgorithmProvider provider() {
    return new BfsHopsProvider();
  }

  @Override
  protected void checkResult(Graph graph, Object result) {
    int[] hops = (int[]) result;
    assertEquals(graph.vertexCount(), hops.length);
    if (hops.length == 0) {
      return;
    }
    assertEquals(0, hops[0]);
    for (int u = 0; u < graph.vertexCount(); u++) {
      for (int e = graph.offset(u); e < graph.offset(u + 1); e++) {
        int v = graph.target(e);
        if (hops[u] >= 0) {
          assertTrue(hops[v] >= 0 && hops[v] <= hops[u] + 1, "edge " + u + " -> " + v);
        }
      }
    }
    Graph reversed = graph.reversed();
    for (int v = 1; v < hops.length; v++) {
      if (hops[v] > 0) {
        boolean hasParent = false;
        for (int e = reversed.offset(v); e < reversed.offset(v + 1); e++) {
          hasParent |= hops[reversed.target(e)] == hops[v] - 1;
        }
        assertTrue(hasParent, "vertex " + v + " at " + hops[v] + " hops has no parent");
      }
    }
  }
}
