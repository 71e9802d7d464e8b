package dev.lathe.api.graph;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The strongly connected components of a digraph by Tarjan's algorithm (SIAM J. Computing 1(2),
 * 1972), iterative so that long paths cannot overflow the call stack: O(n + m) time, O(n)
 * space. Components are numbered in the order Tarjan's algorithm completes them (a reverse
 * topological order of the condensation).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StronglyConnectedComponents {

  private final int[] component;
  private final int[] sizes;

  private StronglyConnectedComponents(int[] component, int[] sizes) {
    this.component = component;
    this.sizes = sizes;
  }

  /** The components of {@code graph}. */
  public static StronglyConnectedComponents of(Graph graph) {
    int n = graph.vertexCount();
    int[] index = new int[n];
    Arrays.fill(index, -1);
    int[] lowLink = new int[n];
    int[] component = new int[n];
    Arrays.fill(component, -1);
    int[] stack = new int[n];
    int stackSize = 0;
    int[] callVertex = new int[n];
    int[] callEdge = new int[n];
    int[] sizes = new int[Math.max(1, n)];
    int components = 0;
    int counter = 0;
    for (int start = 0; start < n; start++) {
      if (index[start] >= 0) {
        continue;
      }
      int depth = 0;
      callVertex[0] = start;
      callEdge[0] = graph.offset(start);
      index[start] = lowLink[start] = counter++;
      stack[stackSize++] = start;
      while (depth >= 0) {
        int v = callVertex[depth];
        int e = callEdge[depth];
        if (e < graph.offset(v + 1)) {
          callEdge[depth] = e + 1;
          int w = graph.target(e);
          if (index[w] < 0) {
            index[w] = lowLink[w] = counter++;
            stack[stackSize++] = w;
            depth++;
            callVertex[depth] = w;
            callEdge[depth] = graph.offset(w);
          } else if (component[w] < 0) {
            lowLink[v] = Math.min(lowLink[v], index[w]);
          }
          continue;
        }
        if (lowLink[v] == index[v]) {
          int w;
          do {
            w = stack[--stackSize];
            component[w] = components;
            sizes[components]++;
          } while (w != v);
          components++;
        }
        depth--;
        if (depth >= 0) {
          int parent = callVertex[depth];
          lowLink[parent] = Math.min(lowLink[parent], lowLink[v]);
        }
      }
    }
    return new StronglyConnectedComponents(component, Arrays.copyOf(sizes, components));
  }

  /** The number of components. */
  public int count() {
    return sizes.length;
  }

  /** The component of vertex {@code v}. */
  public int component(int v) {
    return component[v];
  }

  /** The number of vertices in component {@code c}. */
  public int size(int c) {
    return sizes[c];
  }

  /** The component with the most vertices, the lowest-numbered among equals; -1 if none. */
  public int largest() {
    int best = -1;
    for (int c = 0; c < sizes.length; c++) {
      if (best < 0 || sizes[c] > sizes[best]) {
        best = c;
      }
    }
    return best;
  }

  /** The vertices of component {@code c}, increasing, ready for {@link Graph#inducedSubgraph}. */
  public int[] vertices(int c) {
    int[] members = new int[sizes[c]];
    int k = 0;
    for (int v = 0; v < component.length; v++) {
      if (component[v] == c) {
        members[k++] = v;
      }
    }
    return members;
  }
}
