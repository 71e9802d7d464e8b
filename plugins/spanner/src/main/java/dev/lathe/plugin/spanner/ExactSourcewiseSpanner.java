package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.DijkstraShortestPaths;
import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.ShortestPathTree;

/**
 * The exact source-wise round-trip spanner: the union of the out- and in-shortest-path trees of
 * every source. Stretch 1, at most {@code 2s(n-1)} edges, {@code 2s} Dijkstra runs:
 * O(s·(n + m) log n) time.
 */
final class ExactSourcewiseSpanner extends SourcewiseSpanner {

  ExactSourcewiseSpanner(int sourceCount) {
    super(sourceCount);
  }

  @Override
  String method() {
    return "exact";
  }

  @Override
  double stretchBound(int n, int s) {
    return 1;
  }

  @Override
  Construction build(Graph graph, int[] sources) {
    KeptEdges kept = new KeptEdges(graph);
    long settled = 0;
    for (int x : sources) {
      for (ShortestPathTree tree : new ShortestPathTree[] {
          DijkstraShortestPaths.from(graph, x), DijkstraShortestPaths.to(graph, x)}) {
        for (int v = 0; v < graph.vertexCount(); v++) {
          kept.keep(tree.treeEdge(v));
        }
        settled += tree.reachedCount();
      }
    }
    return new Construction(kept.toGraph(), settled, 1, 2L * sources.length, 0);
  }
}
