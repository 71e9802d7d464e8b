package dev.lathe.api.graph.io;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.graph.Graph;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * A road network read from OpenStreetMap: a weighted digraph whose vertex {@code v} is the OSM
 * node {@link #osmNodeId(int) osmNodeId(v)} at {@link #latitude(int)}, {@link #longitude(int)},
 * numbered in increasing order of OSM node id. Edges join consecutive nodes of a road, in each
 * direction that traffic may take, weighted as {@link #weight()} says.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RoadNetwork {

  private final Graph graph;
  private final OsmRoads.Weight weight;
  private final long[] nodeIds;
  private final double[] latitudes;
  private final double[] longitudes;
  private final int roadWays;
  private final int missingNodeSegments;

  RoadNetwork(Graph graph, OsmRoads.Weight weight, long[] nodeIds, double[] latitudes,
      double[] longitudes, int roadWays, int missingNodeSegments) {
    this.graph = graph;
    this.weight = weight;
    this.nodeIds = nodeIds;
    this.latitudes = latitudes;
    this.longitudes = longitudes;
    this.roadWays = roadWays;
    this.missingNodeSegments = missingNodeSegments;
  }

  /** The digraph. */
  public Graph graph() {
    return graph;
  }

  /** What the edge weights measure. */
  public OsmRoads.Weight weight() {
    return weight;
  }

  /** The OSM id of the node that vertex {@code v} stands for. */
  public long osmNodeId(int v) {
    return nodeIds[v];
  }

  /** The latitude of vertex {@code v} in degrees (WGS 84). */
  public double latitude(int v) {
    return latitudes[v];
  }

  /** The longitude of vertex {@code v} in degrees (WGS 84). */
  public double longitude(int v) {
    return longitudes[v];
  }

  /** The vertex of the OSM node {@code osmNodeId}, or -1 if it is not in the network. */
  public int vertexOf(long osmNodeId) {
    int i = Arrays.binarySearch(nodeIds, osmNodeId);
    return i >= 0 ? i : -1;
  }

  /** The number of OSM ways that were read as roads. */
  public int roadWayCount() {
    return roadWays;
  }

  /**
   * The number of road segments left out because the file lacks one of their nodes (as
   * extracts cut at a border may); 0 for a complete file.
   */
  public int missingNodeSegmentCount() {
    return missingNodeSegments;
  }

  /** The network on {@code vertices} (strictly increasing) only, renumbered in their order. */
  RoadNetwork restrictedTo(int[] vertices) {
    long[] ids = new long[vertices.length];
    double[] lat = new double[vertices.length];
    double[] lon = new double[vertices.length];
    for (int i = 0; i < vertices.length; i++) {
      ids[i] = nodeIds[vertices[i]];
      lat[i] = latitudes[vertices[i]];
      lon[i] = longitudes[vertices[i]];
    }
    return new RoadNetwork(graph.inducedSubgraph(vertices), weight, ids, lat, lon, roadWays,
        missingNodeSegments);
  }

  @Override
  public String toString() {
    return "RoadNetwork[" + graph.vertexCount() + " vertices, " + graph.edgeCount()
        + " edges, " + roadWays + " road ways, weights " + weight.unit() + "]";
  }
}
