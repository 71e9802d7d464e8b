package dev.lathe.api.graph.jgrapht;

import dev.lathe.api.graph.Graph;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/** An unmodifiable JGraphT view of a Lathe graph: vertices and edges are their numbers. */
final class GraphView extends AbstractGraph<Integer, Integer> {

  private static final GraphType TYPE = new DefaultGraphType.Builder().directed()
      .allowSelfLoops(true).allowMultipleEdges(true).weighted(true).allowCycles(true)
      .modifiable(false).build();

  private final Graph graph;

  GraphView(Graph graph) {
    this.graph = graph;
  }

  private static UnsupportedOperationException immutable() {
    return new UnsupportedOperationException(
        "a Lathe Graph is immutable; copy the view into a JGraphT graph to change it");
  }

  private int vertex(Integer v) {
    assertVertexExist(v);
    return v;
  }

  private int edge(Integer e) {
    if (!containsEdge(e)) {
      throw new IllegalArgumentException("no such edge in graph: " + e);
    }
    return e;
  }

  @Override
  public Set<Integer> getAllEdges(Integer sourceVertex, Integer targetVertex) {
    if (!containsVertex(sourceVertex) || !containsVertex(targetVertex)) {
      return null;
    }
    int first = graph.findEdge(sourceVertex, targetVertex);
    if (first < 0) {
      return Set.of();
    }
    int end = first;
    while (end < graph.offset(sourceVertex + 1) && graph.target(end) == targetVertex) {
      end++;
    }
    return new Positions(first, end, IntUnaryOperator.identity());
  }

  @Override
  public Integer getEdge(Integer sourceVertex, Integer targetVertex) {
    if (!containsVertex(sourceVertex) || !containsVertex(targetVertex)) {
      return null;
    }
    int e = graph.findEdge(sourceVertex, targetVertex);
    return e < 0 ? null : e;
  }

  @Override
  public Supplier<Integer> getVertexSupplier() {
    return null;
  }

  @Override
  public Supplier<Integer> getEdgeSupplier() {
    return null;
  }

  @Override
  public Integer addEdge(Integer sourceVertex, Integer targetVertex) {
    throw immutable();
  }

  @Override
  public boolean addEdge(Integer sourceVertex, Integer targetVertex, Integer e) {
    throw immutable();
  }

  @Override
  public Integer addVertex() {
    throw immutable();
  }

  @Override
  public boolean addVertex(Integer v) {
    throw immutable();
  }

  @Override
  public boolean containsEdge(Integer e) {
    return e != null && e >= 0 && e < graph.edgeCount();
  }

  @Override
  public boolean containsVertex(Integer v) {
    return v != null && v >= 0 && v < graph.vertexCount();
  }

  @Override
  public Set<Integer> edgeSet() {
    return new Positions(0, graph.edgeCount(), IntUnaryOperator.identity());
  }

  @Override
  public int degreeOf(Integer vertex) {
    int v = vertex(vertex);
    return graph.outDegree(v) + graph.inDegree(v);
  }

  @Override
  public Set<Integer> edgesOf(Integer vertex) {
    Set<Integer> all = new LinkedHashSet<>(outgoingEdgesOf(vertex));
    all.addAll(incomingEdgesOf(vertex));
    return all;
  }

  @Override
  public int inDegreeOf(Integer vertex) {
    return graph.inDegree(vertex(vertex));
  }

  @Override
  public Set<Integer> incomingEdgesOf(Integer vertex) {
    int v = vertex(vertex);
    return new Positions(graph.inOffset(v), graph.inOffset(v + 1), graph::inEdge) {
      @Override
      public boolean contains(Object o) {
        return o instanceof Integer e && containsEdge(e) && graph.target(e) == v;
      }
    };
  }

  @Override
  public int outDegreeOf(Integer vertex) {
    return graph.outDegree(vertex(vertex));
  }

  @Override
  public Set<Integer> outgoingEdgesOf(Integer vertex) {
    int v = vertex(vertex);
    return new Positions(graph.offset(v), graph.offset(v + 1), IntUnaryOperator.identity());
  }

  @Override
  public boolean removeAllEdges(Collection<? extends Integer> edges) {
    throw immutable();
  }

  @Override
  public Set<Integer> removeAllEdges(Integer sourceVertex, Integer targetVertex) {
    throw immutable();
  }

  @Override
  public boolean removeAllVertices(Collection<? extends Integer> vertices) {
    throw immutable();
  }

  @Override
  public Integer removeEdge(Integer sourceVertex, Integer targetVertex) {
    throw immutable();
  }

  @Override
  public boolean removeEdge(Integer e) {
    throw immutable();
  }

  @Override
  public boolean removeVertex(Integer v) {
    throw immutable();
  }

  @Override
  public Set<Integer> vertexSet() {
    return new Positions(0, graph.vertexCount(), IntUnaryOperator.identity());
  }

  @Override
  public Integer getEdgeSource(Integer e) {
    return graph.source(edge(e));
  }

  @Override
  public Integer getEdgeTarget(Integer e) {
    return graph.target(edge(e));
  }

  @Override
  public GraphType getType() {
    return TYPE;
  }

  @Override
  public double getEdgeWeight(Integer e) {
    return graph.weight(edge(e));
  }

  @Override
  public void setEdgeWeight(Integer e, double weight) {
    throw immutable();
  }

  /**
   * The numbers {@code map(i)} for positions {@code from ≤ i < to}; with the identity map a
   * contiguous range, whose membership test is a range check.
   */
  private static class Positions extends AbstractSet<Integer> {
    private final int from;
    private final int to;
    private final IntUnaryOperator map;

    Positions(int from, int to, IntUnaryOperator map) {
      this.from = from;
      this.to = to;
      this.map = map;
    }

    @Override
    public int size() {
      return to - from;
    }

    @Override
    public boolean contains(Object o) {
      return o instanceof Integer i && i >= from && i < to;
    }

    @Override
    public Iterator<Integer> iterator() {
      return new Iterator<>() {
        private int next = from;

        @Override
        public boolean hasNext() {
          return next < to;
        }

        @Override
        public Integer next() {
          if (next >= to) {
            throw new NoSuchElementException();
          }
          return map.applyAsInt(next++);
        }
      };
    }
  }
}
