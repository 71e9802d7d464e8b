package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.StronglyConnectedComponents;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded families of strongly connected weighted digraphs. Each generator draws a graph, keeps
 * its largest strongly connected component and numbers its vertices in a random order (so that
 * evenly spaced source numbers are spread over the graph); the same family, size, degree and seed
 * give the same graph.
 */
enum GraphFamily {

  /** A directed Hamiltonian cycle plus uniformly random arcs, weights uniform in [1, 100). */
  UNIFORM {
    @Override
    Graph.Builder draw(int n, int degree, SplittableRandom random) {
      Graph.Builder b = Graph.builder(n);
      int[] cycle = permutation(n, random);
      for (int i = 0; i < n; i++) {
        b.addEdge(cycle[i], cycle[(i + 1) % n], random.nextDouble(1, 100));
      }
      for (long e = n; e < (long) degree * n; e++) {
        b.addEdge(random.nextInt(n), random.nextInt(n), random.nextDouble(1, 100));
      }
      return b;
    }
  },

  /**
   * A road-like square grid: neighbours joined both ways with independent weights in [1, 10),
   * except one street in five, which is one-way in a random direction.
   */
  GRID {
    @Override
    Graph.Builder draw(int n, int degree, SplittableRandom random) {
      int side = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
      Graph.Builder b = Graph.builder(side * side);
      for (int row = 0; row < side; row++) {
        for (int col = 0; col < side; col++) {
          int v = row * side + col;
          if (col + 1 < side) {
            street(b, v, v + 1, random);
          }
          if (row + 1 < side) {
            street(b, v, v + side, random);
          }
        }
      }
      return b;
    }

    private void street(Graph.Builder b, int u, int v, SplittableRandom random) {
      double roll = random.nextDouble();
      if (roll >= 0.1) {
        b.addEdge(u, v, random.nextDouble(1, 10));
      }
      if (roll < 0.1 || roll >= 0.2) {
        b.addEdge(v, u, random.nextDouble(1, 10));
      }
    }
  },

  /**
   * A web-like graph by preferential attachment: each vertex links to {@code degree} earlier
   * vertices chosen in proportion to their in-degree plus one, and each link is answered by a
   * link back with probability 0.3; weights uniform in [1, 10).
   */
  WEB {
    @Override
    Graph.Builder draw(int n, int degree, SplittableRandom random) {
      Graph.Builder b = Graph.builder(n);
      int[] endpoints = new int[(int) Math.min(Integer.MAX_VALUE - 8, 2L * degree * n + n)];
      int count = 0;
      for (int v = 0; v < n; v++) {
        if (v > 0) {
          for (int j = 0; j < degree; j++) {
            int u = endpoints[random.nextInt(count)];
            b.addEdge(v, u, random.nextDouble(1, 10));
            endpoints[count++] = u;
            if (random.nextDouble() < 0.3) {
              b.addEdge(u, v, random.nextDouble(1, 10));
              endpoints[count++] = v;
            }
          }
        }
        endpoints[count++] = v;
      }
      return b;
    }
  };

  /** The family's name in tables and settings, e.g. {@code grid}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The raw graph before the largest strongly connected component is taken. */
  abstract Graph.Builder draw(int n, int degree, SplittableRandom random);

  /**
   * A strongly connected graph of this family on about {@code n} vertices (the largest strongly
   * connected component of the drawn graph) with about {@code degree} arcs per vertex where the
   * family lets the degree vary.
   */
  Graph generate(int n, int degree, long seed) {
    if (n < 1 || degree < 1) {
      throw new IllegalArgumentException("graph family " + label()
          + " needs n >= 1 and degree >= 1, got n = " + n + ", degree = " + degree);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Graph drawn = draw(n, degree, random).build();
    StronglyConnectedComponents scc = StronglyConnectedComponents.of(drawn);
    Graph largest = drawn.inducedSubgraph(scc.vertices(scc.largest()));
    return relabel(largest, random);
  }

  /** {@code graph} with its vertices numbered by a random permutation. */
  static Graph relabel(Graph graph, SplittableRandom random) {
    int n = graph.vertexCount();
    int[] name = permutation(n, random);
    Graph.Builder b = Graph.builder(n);
    for (int u = 0; u < n; u++) {
      for (int e = graph.offset(u), end = graph.offset(u + 1); e < end; e++) {
        b.addEdge(name[u], name[graph.target(e)], graph.weight(e));
      }
    }
    return b.build();
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
