package dev.lathe.api.graph.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.file.FileBlock;
import dev.lathe.api.graph.Graph;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmRoadsTest {

  private static final Path TINY = Path.of("src/test/resources/graphs/tiny.osm");

  @TempDir
  Path tmp;

  /** The length of edge u → v (OSM node ids), which must exist. */
  private static double weight(RoadNetwork roads, long u, long v) {
    Graph g = roads.graph();
    int e = g.findEdge(roads.vertexOf(u), roads.vertexOf(v));
    assertTrue(e >= 0, "edge " + u + " -> " + v);
    return g.weight(e);
  }

  private static boolean hasEdge(RoadNetwork roads, long u, long v) {
    return roads.graph().findEdge(roads.vertexOf(u), roads.vertexOf(v)) >= 0;
  }

  /** Expected lengths and times computed by an independent haversine in Python. */
  @Test
  void tinyNetworkHonoursRoadTypesOnewayAndRoundabouts() throws IOException {
    RoadNetwork roads = OsmRoads.reader().read(TINY);
    Graph g = roads.graph();
    assertEquals(8, g.vertexCount(), "nodes 1-6, 10, 11; 7 and 8 are on excluded ways");
    assertEquals(11, g.edgeCount());
    assertEquals(7, roads.roadWayCount());
    assertEquals(2, roads.missingNodeSegmentCount(), "way 107 runs through the absent node 9");
    assertEquals(OsmRoads.Weight.LENGTH, roads.weight());
    assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 10, 11},
        java.util.stream.IntStream.range(0, 8).mapToLong(roads::osmNodeId).toArray());
    assertEquals(-1, roads.vertexOf(7));
    assertEquals(47.141, roads.latitude(roads.vertexOf(3)));
    assertEquals(9.521, roads.longitude(roads.vertexOf(3)));
    assertEquals(111.19508023324306, weight(roads, 1, 2), 1e-9);
    assertEquals(111.19508023324306, weight(roads, 2, 1), 1e-9);
    assertEquals(75.63450417066952, weight(roads, 2, 3), 1e-9);
    assertTrue(!hasEdge(roads, 3, 2), "oneway=yes");
    assertEquals(75.63592676498342, weight(roads, 1, 4), 1e-9);
    assertTrue(!hasEdge(roads, 4, 1), "oneway=-1 runs against the way");
    assertEquals(222.39016046719345, weight(roads, 6, 2), 1e-9);
    assertTrue(!hasEdge(roads, 2, 6) && !hasEdge(roads, 5, 2), "a roundabout is one-way");
    assertTrue(hasEdge(roads, 3, 5) && hasEdge(roads, 5, 3), "oneway=no on a motorway");
    assertTrue(hasEdge(roads, 10, 11) && !hasEdge(roads, 11, 10), "a motorway is one-way");
    assertEquals("RoadNetwork[8 vertices, 11 edges, 7 road ways, weights m]", roads.toString());
  }

  @Test
  void travelTimesUseMaxspeedThenTheRoadTypeDefault() throws IOException {
    RoadNetwork roads = OsmRoads.reader().weight(OsmRoads.Weight.TRAVEL_TIME).read(TINY);
    assertEquals(13.343409627989166, weight(roads, 1, 2), 1e-9, "residential: 30 km/h");
    assertEquals(5.445684300288205, weight(roads, 2, 3), 1e-9, "maxspeed=50");
    assertEquals(5.639758318792011, weight(roads, 1, 4), 1e-9, "maxspeed=30 mph");
    assertEquals(16.012091553637926, weight(roads, 6, 2), 1e-9, "maxspeed=CH:urban");
    assertEquals(4.841272784295479, weight(roads, 3, 5), 1e-9, "maxspeed:forward=100");
    assertEquals(6.051590980369349, weight(roads, 5, 3), 1e-9, "maxspeed:backward=80");
    assertEquals(3.335852407018511, weight(roads, 10, 11), 1e-9, "motorway: 120 km/h");
    assertEquals("s", roads.weight().unit());
  }

  @Test
  void largestStronglyConnectedComponentDropsSinksAndIslands() throws IOException {
    RoadNetwork roads = OsmRoads.reader().largestStronglyConnectedComponent(true).read(TINY);
    assertEquals(5, roads.graph().vertexCount(), "4 is a sink; 10 -> 11 an island");
    assertEquals(8, roads.graph().edgeCount());
    assertEquals(-1, roads.vertexOf(4));
    assertEquals(4, roads.vertexOf(6));
    assertEquals(111.19508023324306, weight(roads, 1, 2), 1e-9);
  }

  @Test
  void roadTypesCanBeChosen() throws IOException {
    Map<String, Double> withTracks = new LinkedHashMap<>(OsmRoads.DEFAULT_SPEEDS_KMH);
    withTracks.put("track", 15.0);
    withTracks.put("footway", 5.0);
    RoadNetwork roads = OsmRoads.reader().roadTypes(withTracks).read(TINY);
    assertEquals(9, roads.graph().vertexCount(), "node 7 joins through the footway");
    assertEquals(15, roads.graph().edgeCount());
    assertTrue(hasEdge(roads, 11, 10));
    assertEquals(17, OsmRoads.reader().roadTypes(withTracks).roadTypes().size());
    assertEquals("highway=x has default speed 0.0 km/h; speeds must be positive and finite",
        assertThrows(IllegalArgumentException.class,
            () -> OsmRoads.reader().roadTypes(Map.of("x", 0.0))).getMessage());
  }

  @Test
  void pbfWrittenByTheLibraryReadsToTheSameGraphBitForBit() throws IOException {
    Path pbf = tmp.resolve("tiny.osm.pbf");
    writePbf(TINY, pbf);
    for (OsmRoads.Weight w : OsmRoads.Weight.values()) {
      RoadNetwork fromXml = OsmRoads.reader().weight(w).read(TINY);
      RoadNetwork fromPbf = OsmRoads.reader().weight(w).read(pbf);
      assertEquals(fromXml.graph(), fromPbf.graph(), w.name());
      assertEquals(fromXml.latitude(3), fromPbf.latitude(3));
      assertEquals(fromXml.missingNodeSegmentCount(), fromPbf.missingNodeSegmentCount());
    }
    Path gz = tmp.resolve("tiny.osm.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(TINY));
    }
    assertEquals(OsmRoads.reader().read(TINY).graph(), OsmRoads.reader().read(gz).graph());
  }

  @Test
  void damagedPbfFilesNameTheBlock() throws IOException {
    Path pbf = tmp.resolve("tiny.osm.pbf");
    writePbf(TINY, pbf);
    byte[] bytes = Files.readAllBytes(pbf);
    Path cut = tmp.resolve("cut.osm.pbf");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));
    String message = assertThrows(FileFormatException.class,
        () -> OsmRoads.reader().read(cut)).getMessage();
    assertTrue(message.matches(cut + ": block 3 \\(at byte \\d+\\) is cut short: the file ends"
        + " at byte " + (bytes.length - 10)), message);
    Path corrupt = tmp.resolve("corrupt.osm.pbf");
    byte[] damaged = bytes.clone();
    for (int i = bytes.length - 40; i < bytes.length; i++) {
      damaged[i] = (byte) 0xff;
    }
    Files.write(corrupt, damaged);
    message = assertThrows(FileFormatException.class,
        () -> OsmRoads.reader().read(corrupt)).getMessage();
    assertTrue(message.startsWith(corrupt + ": block 3 (at byte "), message);
    Path xmlAsPbf = tmp.resolve("xml.osm.pbf");
    Files.copy(TINY, xmlAsPbf);
    message = assertThrows(FileFormatException.class,
        () -> OsmRoads.reader().read(xmlAsPbf)).getMessage();
    assertTrue(message.startsWith(xmlAsPbf + ": block 1 (at byte 0) cannot be read"), message);
  }

  @Test
  void malformedXmlNamesTheFileAndLine() throws IOException {
    Path noLat = tmp.resolve("nolat.osm");
    Files.writeString(noLat, "<osm>\n<node id=\"1\" lon=\"9\"/>\n</osm>\n");
    assertEquals(noLat + ":2: <node> has no attribute 'lat'", assertThrows(
        FileFormatException.class, () -> OsmRoads.reader().read(noLat)).getMessage());
    Path badRef = tmp.resolve("badref.osm");
    Files.writeString(badRef, "<osm>\n<way id=\"1\">\n<nd ref=\"x1\"/>\n</way>\n</osm>\n");
    assertEquals(badRef + ":3: <nd> has ref=\"x1\", not an integer", assertThrows(
        FileFormatException.class, () -> OsmRoads.reader().read(badRef)).getMessage());
    Path broken = tmp.resolve("broken.osm");
    Files.writeString(broken, "<osm>\n<node id=\"1\" lat=\"1\" lon=\"2\">\n</osm>\n");
    String message = assertThrows(FileFormatException.class,
        () -> OsmRoads.reader().read(broken)).getMessage();
    assertTrue(message.startsWith(broken + ":3: malformed XML: "), message);
    Path notOsm = tmp.resolve("other.osm");
    Files.writeString(notOsm, "<gpx>\n</gpx>\n");
    assertEquals(notOsm + ":1: not an OpenStreetMap file: the root element is <gpx>, not <osm>",
        assertThrows(FileFormatException.class, () -> OsmRoads.reader().read(notOsm))
            .getMessage());
    Path outside = tmp.resolve("outside.osm");
    Files.writeString(outside, "<osm>\n\n<node id=\"5\" lat=\"91\" lon=\"2\"/>\n</osm>\n");
    assertEquals(outside + ":3: node 5 lies outside the globe: 91.0, 2.0", assertThrows(
        FileFormatException.class, () -> OsmRoads.reader().read(outside)).getMessage());
  }

  @Test
  void unknownKindsAndMissingLibrariesAreNamed() {
    Path bz2 = tmp.resolve("x.osm.bz2");
    assertEquals(bz2 + ": bzip2 is not read; decompress the file first (bunzip2 -k)",
        assertThrows(FileFormatException.class, () -> OsmRoads.reader().read(bz2)).getMessage());
    Path shp = tmp.resolve("x.shp");
    assertEquals(shp + ": not an OpenStreetMap file: expected a name ending in .osm.pbf, .osm or"
        + " .osm.gz", assertThrows(FileFormatException.class, () -> OsmRoads.reader().read(shp))
        .getMessage());
    assertEquals("reading x.osm.pbf needs the library org.example:absent: add it to your"
        + " dependencies (and 'requires absent' to your module-info)",
        assertThrows(IllegalStateException.class, () -> OsmRoads.requireLibrary(
            "org.example.Absent", "org.example:absent", "absent", Path.of("x.osm.pbf")))
            .getMessage());
    OsmRoads.requireLibrary("crosby.binary.BinaryParser", "org.openstreetmap.pbf:osmpbf",
        "osmpbf", Path.of("x.osm.pbf"));
  }

  @Test
  void maxspeedValues() {
    assertEquals(50.0, OsmRoads.speedKmh("50"));
    assertEquals(50.0, OsmRoads.speedKmh("50 km/h"));
    assertEquals(50.0, OsmRoads.speedKmh("50kmh"));
    assertEquals(48.28032, OsmRoads.speedKmh("30 mph"), 1e-12);
    assertEquals(18.52, OsmRoads.speedKmh("10 knots"), 1e-12);
    assertEquals(7.0, OsmRoads.speedKmh("walk"));
    assertEquals(80.0, OsmRoads.speedKmh("CH:rural"));
    assertEquals(50.0, OsmRoads.speedKmh("LI:urban"));
    assertEquals(120.0, OsmRoads.speedKmh("AT:motorway"));
    assertEquals(30.0, OsmRoads.speedKmh("DE:zone30"));
    assertEquals(20.0, OsmRoads.speedKmh("DE:zone:20"));
    assertEquals(30.0, OsmRoads.speedKmh("50;30"), "the lowest of several");
    assertEquals(12.5, OsmRoads.speedKmh("12.5"));
    for (String meaningless : new String[] {"none", "signals", "variable", "fast", "0", "",
        "XX:unknown"}) {
      assertTrue(Double.isNaN(OsmRoads.speedKmh(meaningless)), meaningless);
    }
    assertTrue(Double.isNaN(OsmRoads.speedKmh(null)));
  }

  @Test
  void onewayValues() {
    int forward = RoadNetworkBuilder.FORWARD;
    int backward = RoadNetworkBuilder.BACKWARD;
    int both = forward | backward;
    assertEquals(forward, OsmRoads.directions(Map.of("oneway", "yes")));
    assertEquals(forward, OsmRoads.directions(Map.of("oneway", "true")));
    assertEquals(forward, OsmRoads.directions(Map.of("oneway", "1")));
    assertEquals(backward, OsmRoads.directions(Map.of("oneway", "-1")));
    assertEquals(backward, OsmRoads.directions(Map.of("oneway", "reverse")));
    assertEquals(both, OsmRoads.directions(Map.of("oneway", "no")));
    assertEquals(both, OsmRoads.directions(Map.of("oneway", "false", "highway", "motorway")));
    assertEquals(both, OsmRoads.directions(Map.of("oneway", "0", "junction", "roundabout")));
    assertEquals(forward, OsmRoads.directions(Map.of("junction", "roundabout")));
    assertEquals(forward, OsmRoads.directions(Map.of("junction", "circular")));
    assertEquals(forward, OsmRoads.directions(Map.of("highway", "motorway")));
    assertEquals(both, OsmRoads.directions(Map.of("highway", "motorway_link")));
    assertEquals(both, OsmRoads.directions(Map.of("oneway", "reversible")));
    assertEquals(forward, OsmRoads.directions(Map.of("oneway", "YES ")));
  }

  @Test
  void haversineDistances() {
    assertEquals(111_195.0802335329, OsmRoads.distanceMetres(0, 0, 1, 0), 1e-6,
        "one degree of latitude on the mean sphere");
    assertEquals(OsmRoads.EARTH_RADIUS_METRES * Math.PI, OsmRoads.distanceMetres(0, 0, 0, 180),
        1e-6);
    assertEquals(0.0, OsmRoads.distanceMetres(47.1, 9.5, 47.1, 9.5));
  }

  /**
   * Converts an OSM XML file to PBF with the OSM-binary library's writer: a header block, a
   * block of dense nodes, a block of ways.
   */
  private static void writePbf(Path xml, Path pbf) throws IOException {
    OsmSource source = new OsmXmlSource(xml);
    List<long[]> nodes = new ArrayList<>();
    source.readNodes((id, lat, lon) -> nodes.add(new long[] {id, Math.round(lat * 1e7),
        Math.round(lon * 1e7)}));
    List<String> strings = new ArrayList<>(List.of(""));
    Osmformat.PrimitiveGroup.Builder wayGroup = Osmformat.PrimitiveGroup.newBuilder();
    source.readWays((id, refs, tags) -> {
      Osmformat.Way.Builder way = Osmformat.Way.newBuilder().setId(id);
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        way.addKeys(index(strings, tag.getKey())).addVals(index(strings, tag.getValue()));
      }
      long previous = 0;
      for (long ref : refs) {
        way.addRefs(ref - previous);
        previous = ref;
      }
      wayGroup.addWays(way);
    });
    Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
    long[] previous = new long[3];
    for (long[] node : nodes) {
      dense.addId(node[0] - previous[0]).addLat(node[1] - previous[1])
          .addLon(node[2] - previous[2]);
      previous = node;
    }
    Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder();
    for (String s : strings) {
      table.addS(ByteString.copyFromUtf8(s));
    }
    Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
        .addRequiredFeatures("OsmSchema-V0.6").addRequiredFeatures("DenseNodes").build();
    try (BlockOutputStream out = new BlockOutputStream(Files.newOutputStream(pbf))) {
      out.write(FileBlock.newInstance("OSMHeader", header.toByteString(), null));
      out.write(FileBlock.newInstance("OSMData", Osmformat.PrimitiveBlock.newBuilder()
          .setStringtable(table).addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder()
              .setDense(dense)).build().toByteString(), null));
      out.write(FileBlock.newInstance("OSMData", Osmformat.PrimitiveBlock.newBuilder()
          .setStringtable(table).addPrimitivegroup(wayGroup).build().toByteString(), null));
    }
  }

  private static int index(List<String> strings, String s) {
    int i = strings.indexOf(s);
    if (i < 0) {
      strings.add(s);
      i = strings.size() - 1;
    }
    return i;
  }
}
