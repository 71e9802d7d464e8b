package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.GraphAlgorithm;
import dev.lathe.api.spi.GraphAlgorithmProvider;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link GraphAlgorithm}: a declared result type that every result is an
 * instance of, on sample graphs and on the edge cases an algorithm must survive: no vertices,
 * one vertex, self-loops, parallel and zero-weight edges, disconnected parts.
 *
 * <p>Override {@link #checkResult} to check each result against the algorithm's own
 * guarantee (a spanner's stretch, a flow's conservation), as JGraphT's algorithm tests do.
 *
 * <pre>{@code
 * class MySpannerTest extends GraphAlgorithmContract {
 *   @Override protected GraphAlgorithmProvider provider() { return new MySpannerProvider(); }
 *   @Override protected void checkResult(Graph graph, Object result) {
 *     assertTrue(Spanners.stretch(graph, (Graph) result) <= 3);
 *   }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class GraphAlgorithmContract extends PluginProviderContract<GraphAlgorithmProvider> {

  /** For subclasses. */
  protected GraphAlgorithmContract() {}

  /**
   * Graphs to run on. Default: a weighted directed cycle, a random graph of 40 vertices and 160
   * edges, and a graph of two disconnected parts.
   */
  protected List<Graph> graphs() {
    Graph.Builder cycle = Graph.builder(6);
    for (int v = 0; v < 6; v++) {
      cycle.addEdge(v, (v + 1) % 6, 1 + v);
    }
    SplittableRandom random = new SplittableRandom(seed());
    Graph.Builder sparse = Graph.builder(40);
    for (int e = 0; e < 160; e++) {
      sparse.addEdge(random.nextInt(40), random.nextInt(40), random.nextDouble(0.5, 10));
    }
    Graph parts = Graph.builder(7)
        .addEdge(0, 1, 2).addEdge(1, 2, 2).addEdge(2, 0, 2)
        .addEdge(4, 5, 1).addEdge(5, 6, 3)
        .build();
    return List.of(cycle.build(), sparse.build(), parts);
  }

  /**
   * Checks one result against the algorithm's own guarantee; throw an {@link AssertionError} to
   * fail. Default: no further check.
   *
   * @param graph the input, never null
   * @param result the result, already known to be an instance of the result type
   */
  protected void checkResult(Graph graph, Object result) {}

  @Override
  protected final ExtensionPoint point() {
    return ExtensionPoint.GRAPH_ALGORITHM;
  }

  @Override
  protected final String instanceId() {
    return newAlgorithm().id();
  }

  /** A new algorithm from the provider with {@link #context()}. */
  protected final GraphAlgorithm<?> newAlgorithm() {
    GraphAlgorithm<?> algorithm = provider().create(context());
    assertNotNull(algorithm, () -> plugin() + ": create() returned null");
    assertNotNull(algorithm.resultType(), () -> plugin() + ": resultType() returned null");
    return algorithm;
  }

  /** Checks that the result on every sample graph is an instance of resultType(). */
  @Test
  public void resultMatchesResultType() {
    GraphAlgorithm<?> algorithm = newAlgorithm();
    for (Graph g : graphs()) {
      run(algorithm, g, "a sample graph " + g);
    }
  }

  /** Checks that the algorithm runs on a graph without vertices. */
  @Test
  public void worksOnAnEmptyGraph() {
    run(newAlgorithm(), Graph.builder(0).build(), "the empty graph");
  }

  /** Checks that the algorithm runs on a single vertex, with and without a self-loop. */
  @Test
  public void worksOnASingleVertex() {
    GraphAlgorithm<?> algorithm = newAlgorithm();
    run(algorithm, Graph.builder(1).build(), "a single vertex");
    run(algorithm, Graph.builder(1).addEdge(0, 0, 1).build(), "a single vertex with a self-loop");
  }

  /** Checks that the algorithm handles parallel edges, zero weights and self-loops together. */
  @Test
  public void handlesParallelEdgesAndZeroWeights() {
    Graph g = Graph.builder(4)
        .addEdge(0, 1, 3).addEdge(0, 1, 1).addEdge(0, 1, 1)
        .addEdge(1, 2, 0).addEdge(2, 2, 5).addEdge(2, 3, 2).addEdge(3, 0, 0)
        .build();
    run(newAlgorithm(), g, "a graph with parallel edges, zero weights and a self-loop");
  }

  private void run(GraphAlgorithm<?> algorithm, Graph graph, String what) {
    Object result;
    try {
      result = algorithm.compute(graph);
    } catch (RuntimeException e) {
      throw new AssertionError(plugin() + ": compute() on " + what + " threw " + e, e);
    }
    assertNotNull(result, () -> plugin() + ": compute() on " + what + " returned null");
    assertTrue(algorithm.resultType().isInstance(result), () -> plugin() + ": compute() on "
        + what + " returned a " + result.getClass().getName() + ", but resultType() is "
        + algorithm.resultType().getName());
    checkResult(graph, result);
  }
}
