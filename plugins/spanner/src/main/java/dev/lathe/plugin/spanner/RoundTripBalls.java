package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import java.util.Arrays;

/**
 * Round-trip balls {@code {z : d(c→z) + d(z→c) ≤ r}} inside one region of the vertices, grown by
 * an out-search and an in-search side by side, always advancing the one whose next distance is
 * smaller. A settled vertex {@code z} is expanded only if {@code d(z) + λ ≤ r}, where {@code λ}
 * is the other search's distance of {@code z} if it has settled {@code z}, else the other
 * search's smallest queued distance (a lower bound). Every vertex of a shortest path between the
 * center and a member is a member, so members are never skipped and get exact distances in both
 * searches (docs/reproductions/spanner.md); non-members are mostly not expanded beyond radius
 * {@code r/2}, which is what makes a ball cheap when one-directional balls are much larger than
 * round-trip ones.
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
    while (true) {
      double outKey = out.peekKey();
      double inKey = in.peekKey();
      if (outKey == Double.POSITIVE_INFINITY && inKey == Double.POSITIVE_INFINITY) {
        break;
      }
      BoundedSearch next = outKey <= inKey ? out : in;
      BoundedSearch other = next == out ? in : out;
      int z = next.pop();
      double otherBound = other.isSettled(z) ? other.distance(z) : other.peekKey();
      if (next.distance(z) + otherBound <= radius) {
        next.expand(z);
        settled++;
      }
    }
    size = 0;
    for (int i = 0, t = out.touchedCount(); i < t; i++) {
      int z = out.touchedVertex(i);
      if (out.isSettled(z) && in.isSettled(z)) {
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

  /** The {@code i}-th member of the last ball, in the order the out-search reached it. */
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

  /** The vertices expanded by all searches so far: the work of the construction. */
  long expandedVertices() {
    return settled;
  }
}
