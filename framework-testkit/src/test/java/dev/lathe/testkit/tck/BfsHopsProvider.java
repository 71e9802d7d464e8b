package dev.lathe.testkit.tck;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.GraphAlgorithm;
import dev.lathe.api.spi.GraphAlgorithmProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.Arrays;
import java.util.List;

/**
 * Breadth-first search: the number of edges on a shortest path from a source vertex to every
 * vertex, {@code -1} where none; O(n + m).
 */
public final class BfsHopsProvider implements GraphAlgorithmProvider {

  static final String ID = "tck-bfs-hops";

  /** The constructor ServiceLoader calls. */
  public BfsHopsProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Breadth-first hop distances", "[0.1,1.0)");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.integer("source", 0, "the vertex the search starts from")
        .atLeast(0));
  }

  @Override
  public GraphAlgorithm<int[]> create(PluginContext context) {
    return new BfsHops(context.settings().getInt("source"));
  }

  /** The algorithm; on a graph without vertices it returns an empty array. */
  static final class BfsHops implements GraphAlgorithm<int[]> {
    private final int source;

    BfsHops(int source) {
      this.source = source;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public Class<int[]> resultType() {
      return int[].class;
    }

    @Override
    public int[] compute(Graph graph) {
      int n = graph.vertexCount();
      int[] hops = new int[n];
      Arrays.fill(hops, -1);
      if (n == 0) {
        return hops;
      }
      if (source >= n) {
        throw new IllegalArgumentException(
            "algorithm '" + ID + "': source " + source + " is not a vertex of " + graph);
      }
      int[] queue = new int[n];
      int head = 0;
      int tail = 0;
      hops[source] = 0;
      queue[tail++] = source;
      while (head < tail) {
        int u = queue[head++];
        for (int e = graph.offset(u); e < graph.offset(u + 1); e++) {
          int v = graph.target(e);
          if (hops[v] < 0) {
            hops[v] = hops[u] + 1;
            queue[tail++] = v;
          }
        }
      }
      return hops;
    }
  }
}
