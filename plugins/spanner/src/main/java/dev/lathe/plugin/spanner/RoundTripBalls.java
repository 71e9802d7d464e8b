package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import java.util.Arrays;

/**
 * Round-trip balls {@code {z : d(c→z) + d(z→c) ≤ r}} inside one region of the vertices, grown by
 * an out-search and an in-search side by side: when one direction has settled everything within
 * the radius, the other is restricted to what the first settled, since every vertex of a shortest
 * path between the center and a ball member is itself a ball member. The cost is therefore that
 * of the smaller of the two one-directional balls plus the restricted search.
 */
final class RoundTripBalls {

  private final BoundedSearch out;
  private final BoundedSearch in;
  private int[] members = new int[16];
  private double[] roundTrips = new double[16];
  private int size;
  private long settled;

  RoundTripBalls(Graph graph) {
    this.out = new BoundedSearch(graph, true);
    this.in = new BoundedSearch(graph, false);
  }

  /**
   * Grows the ball of {@code radius} around {@code center} among the vertices whose
   * {@code region} label equals the center's; returns the number of members.
   */
  int grow(int center, int[] region, double radius) {
    out.start(center, region, radius);
    in.start(center, region, radius);
    while (out.step() & in.step()) {
      settled += 2;
    }
    BoundedSearch complete = out.isDone() ? out : in;
    BoundedSearch other = complete == out ? in : out;
    other.restrictTo(complete);
    while (other.step()) {
      settled++;
    }
    size = 0;
    for (int i = 0, t = complete.touchedCount(); i < t; i++) {
      int z = complete.touchedVertex(i);
      if (complete.isSettled(z) && other.isSettled(z)) {
        double d = out.distance(z) + in.distance(z);
        if (d <= radius) {
          if (size == members.length) {
            members = Arrays.copyOf(members, 2 * size);
            roundTrips = Arrays.copyOf(roundTrips, 2 * size);
          }
          members[size] = z;
          roundTrips[size++] = d;
        }
      }
    }
    return size;
  }

  /** The {@code i}-th member of the last ball, in the order the complete search settled it. */
  int member(int i) {
    return members[i];
  }

  /** The round-trip distance between the center and the {@code i}-th member. */
  double roundTrip(int i) {
    return roundTrips[i];
  }

  /** The distance from the center of the last ball to its member {@code z}. */
  double outDistance(int z) {
    return out.distance(z);
  }

  /** The distance from the member {@code z} of the last ball to its center. */
  double inDistance(int z) {
    return in.distance(z);
  }

  /** The edge through which {@code z} joins the out-tree of the last ball; -1 for the center. */
  int outTreeEdge(int z) {
    return out.treeEdge(z);
  }

  /** The edge through which {@code z} joins the in-tree of the last ball; -1 for the center. */
  int inTreeEdge(int z) {
    return in.treeEdge(z);
  }

  /** The vertices settled by all searches so far: the work of the construction. */
  long settledVertices() {
    return settled;
  }
}
