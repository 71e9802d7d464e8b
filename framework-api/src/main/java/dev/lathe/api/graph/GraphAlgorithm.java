package dev.lathe.api.graph;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * An algorithm over weighted digraphs with a typed result, e.g. a spanner construction
 * returning the kept subgraph.
 *
 * @param <R> the result type
 */
@API(status = STABLE, since = "0.1")
public interface GraphAlgorithm<R> {

  /** The id of the plugin that made this algorithm. */
  String id();

  /** The type of {@link #compute}'s result. */
  Class<R> resultType();

  /** Runs the algorithm on {@code graph}. */
  R compute(Graph graph);
}
