package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;

/** The edges of a graph chosen so far for a spanner, by edge number. */
final class KeptEdges {

  private final Graph graph;
  private final boolean[] kept;

  KeptEdges(Graph graph) {
    this.graph = graph;
    this.kept = new boolean[graph.edgeCount()];
  }

  /** Keeps edge {@code e}; -1 (no edge) is ignored. */
  void keep(int e) {
    if (e >= 0) {
      kept[e] = true;
    }
  }

  /** Keeps the edges through which every member of the last ball joined its out- and in-tree. */
  void keepTrees(RoundTripBalls balls, int members) {
    for (int i = 0; i < members; i++) {
      int z = balls.member(i);
      keep(balls.outTreeEdge(z));
      keep(balls.inTreeEdge(z));
    }
  }

  /** The spanner: the same vertices, the kept edges in the graph's order. */
  Graph toGraph() {
    Graph.Builder b = Graph.builder(graph.vertexCount());
    for (int u = 0; u < graph.vertexCount(); u++) {
      for (int e = graph.offset(u), end = graph.offset(u + 1); e < end; e++) {
        if (kept[e]) {
          b.addEdge(u, graph.target(e), graph.weight(e));
        }
      }
    }
    return b.build();
  }
}
