package dev.lathe.api.graph;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Shortest-path distances from a root to every vertex ({@link Direction#OUT}) or from every
 * vertex to a root ({@link Direction#IN}), with the tree edge through which each vertex was
 * reached. Built by {@link DijkstraShortestPaths}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ShortestPathTree {

  /** Which way the paths run. */
  public enum Direction {
    /** Paths from the root: an out-tree. */
    OUT,
    /** Paths to the root: an in-tree. */
    IN
  }

  private final int root;
  private final Direction direction;
  private final double[] distances;
  private final int[] treeEdges;
  private final int reached;

  ShortestPathTree(int root, Direction direction, double[] distances, int[] treeEdges,
      int reached) {
    this.root = root;
    this.direction = direction;
    this.distances = distances;
    this.treeEdges = treeEdges;
    this.reached = reached;
  }

  /** The vertex the paths start from ({@code OUT}) or lead to ({@code IN}). */
  public int root() {
    return root;
  }

  /** Which way the paths run. */
  public Direction direction() {
    return direction;
  }

  /**
   * The length of a shortest path between the root and {@code v} in this tree's direction;
   * {@code +∞} where there is none (or it is longer than the search's radius).
   */
  public double distance(int v) {
    return distances[v];
  }

  /** Whether a path between the root and {@code v} was found. */
  public boolean isReached(int v) {
    return distances[v] != Double.POSITIVE_INFINITY;
  }

  /** How many vertices were reached, the root included. */
  public int reachedCount() {
    return reached;
  }

  /**
   * The edge of the graph through which {@code v} joins the tree: its last edge on a shortest
   * path from the root ({@code OUT}), or its first edge on a shortest path to the root
   * ({@code IN}); -1 for the root and for unreached vertices.
   */
  public int treeEdge(int v) {
    return treeEdges[v];
  }

  /** A copy of all distances, indexed by vertex. */
  public double[] distances() {
    return distances.clone();
  }

  @Override
  public String toString() {
    return "ShortestPathTree[" + direction + " of " + root + ", " + reached + " of "
        + distances.length + " vertices reached, farthest "
        + Arrays.stream(distances).filter(Double::isFinite).max().orElse(0) + "]";
  }
}
