package dev.lathe.api.graph.io;

import dev.lathe.api.graph.Graph;
import java.util.Arrays;
import java.util.Map;

/**
 * Builds a {@link RoadNetwork} from the ways of a file (first pass), then the coordinates of the
 * nodes the roads use (second pass), as {@link OsmRoads} describes.
 */
final class RoadNetworkBuilder implements OsmSource.WayVisitor, OsmSource.NodeVisitor {

  static final int FORWARD = 1;
  static final int BACKWARD = 2;

  private final Map<String, Double> speeds;
  private long[] refs = new long[1 << 12];
  private int refCount;
  private int[] wayStarts = new int[1 << 10];
  private int[] wayDirections = new int[1 << 10];
  private double[] forwardSpeeds = new double[1 << 10];
  private double[] backwardSpeeds = new double[1 << 10];
  private int ways;
  private long[] nodeIds;
  private double[] latitudes;
  private double[] longitudes;

  RoadNetworkBuilder(Map<String, Double> speeds) {
    this.speeds = speeds;
  }

  @Override
  public void way(long id, long[] wayRefs, Map<String, String> tags) {
    String highway = tags.get("highway");
    Double defaultSpeed = highway == null ? null : speeds.get(highway);
    if (defaultSpeed == null || "yes".equals(tags.get("area")) || wayRefs.length < 2) {
      return;
    }
    double speed = OsmRoads.speedKmh(tags.get("maxspeed"));
    if (Double.isNaN(speed)) {
      speed = defaultSpeed;
    }
    double forward = OsmRoads.speedKmh(tags.get("maxspeed:forward"));
    double backward = OsmRoads.speedKmh(tags.get("maxspeed:backward"));
    if (ways + 1 >= wayStarts.length) {
      int capacity = wayStarts.length * 2;
      wayStarts = Arrays.copyOf(wayStarts, capacity);
      wayDirections = Arrays.copyOf(wayDirections, capacity);
      forwardSpeeds = Arrays.copyOf(forwardSpeeds, capacity);
      backwardSpeeds = Arrays.copyOf(backwardSpeeds, capacity);
    }
    if (refCount + wayRefs.length > refs.length) {
      refs = Arrays.copyOf(refs, Math.max(refs.length * 2, refCount + wayRefs.length));
    }
    System.arraycopy(wayRefs, 0, refs, refCount, wayRefs.length);
    wayStarts[ways] = refCount;
    refCount += wayRefs.length;
    wayDirections[ways] = OsmRoads.directions(tags);
    forwardSpeeds[ways] = Double.isNaN(forward) ? speed : forward;
    backwardSpeeds[ways] = Double.isNaN(backward) ? speed : backward;
    ways++;
    wayStarts[ways] = refCount;
  }

  /** After the ways: the sorted, distinct ids of the nodes the roads use. */
  void prepareNodes() {
    long[] sorted = Arrays.copyOf(refs, refCount);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    nodeIds = Arrays.copyOf(sorted, distinct);
    latitudes = new double[distinct];
    longitudes = new double[distinct];
    Arrays.fill(latitudes, Double.NaN);
    Arrays.fill(longitudes, Double.NaN);
  }

  @Override
  public void node(long id, double latitude, double longitude) {
    int i = Arrays.binarySearch(nodeIds, id);
    if (i >= 0) {
      latitudes[i] = latitude;
      longitudes[i] = longitude;
    }
  }

  /** The network: vertices are the road nodes found in the file, by increasing id. */
  RoadNetwork build(OsmRoads.Weight weight) {
    int[] vertexOfNode = new int[nodeIds.length];
    int n = 0;
    for (int i = 0; i < nodeIds.length; i++) {
      vertexOfNode[i] = Double.isNaN(latitudes[i]) ? -1 : n++;
    }
    long[] ids = new long[n];
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int i = 0; i < nodeIds.length; i++) {
      int v = vertexOfNode[i];
      if (v >= 0) {
        ids[v] = nodeIds[i];
        lat[v] = latitudes[i];
        lon[v] = longitudes[i];
      }
    }
    Graph.Builder b = Graph.builder(n);
    int missing = 0;
    for (int w = 0; w < ways; w++) {
      int previous = vertexOfNode[Arrays.binarySearch(nodeIds, refs[wayStarts[w]])];
      for (int k = wayStarts[w] + 1; k < wayStarts[w + 1]; k++) {
        int next = vertexOfNode[Arrays.binarySearch(nodeIds, refs[k])];
        if (previous < 0 || next < 0) {
          missing++;
        } else if (previous != next) {
          double metres = OsmRoads.distanceMetres(lat[previous], lon[previous], lat[next],
              lon[next]);
          if ((wayDirections[w] & FORWARD) != 0) {
            b.addEdge(previous, next, weight(metres, forwardSpeeds[w], weight));
          }
          if ((wayDirections[w] & BACKWARD) != 0) {
            b.addEdge(next, previous, weight(metres, backwardSpeeds[w], weight));
          }
        }
        previous = next;
      }
    }
    return new RoadNetwork(b.build(), weight, ids, lat, lon, ways, missing);
  }

  private static double weight(double metres, double speedKmh, OsmRoads.Weight weight) {
    return weight == OsmRoads.Weight.LENGTH ? metres : metres / (speedKmh / 3.6);
  }
}
