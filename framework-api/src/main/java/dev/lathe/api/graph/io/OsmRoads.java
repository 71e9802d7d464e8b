package dev.lathe.api.graph.io;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.graph.StronglyConnectedComponents;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads OpenStreetMap road networks for motor vehicles into a {@link RoadNetwork}, and holds the
 * reading options. Instances are immutable: each option returns a new reader.
 *
 * <pre>{@code
 * RoadNetwork roads = OsmRoads.reader().weight(OsmRoads.Weight.TRAVEL_TIME)
 *     .largestStronglyConnectedComponent(true).read(Path.of("liechtenstein.osm.pbf"));
 * }</pre>
 *
 * <p><b>Files.</b> {@code .osm.pbf} is read with the OSM-binary library
 * ({@code org.openstreetmap.pbf:osmpbf}, an optional dependency of this module: add it, and
 * {@code requires osmpbf}, to read PBF); {@code .osm} and {@code .osm.gz} XML with the JDK's
 * StAX parser. The file is read twice: once for the ways, once for the coordinates of the nodes
 * they use, so memory grows with the road network, not with the file.
 *
 * <p><b>Roads.</b> A way is a road if its {@code highway} tag is a key of {@link #roadTypes()}
 * (by default {@link #DEFAULT_SPEEDS_KMH}: the public road types, {@code track} and everything
 * for pedestrians or cyclists excluded) and it is not tagged {@code area=yes}. Access tags are
 * not read. Each pair of consecutive nodes of a road is a segment; segments whose node is missing
 * from the file are left out and counted.
 *
 * <p><b>Direction.</b> {@code oneway=yes|true|1}: the way's direction only;
 * {@code oneway=-1|reverse}: the opposite direction only; {@code oneway=no|false|0}: both.
 * Without an {@code oneway} tag (or with another value, such as {@code reversible}), a way is
 * one-way if it is a roundabout ({@code junction=roundabout|circular}) or a motorway
 * ({@code highway=motorway}), two-way otherwise.
 *
 * <p><b>Weights.</b> {@link Weight#LENGTH}: the segment's great-circle length in metres
 * (haversine on a sphere of the mean Earth radius, 6,371,008.8 m). {@link Weight#TRAVEL_TIME}:
 * that length at the way's speed, in seconds; the speed is {@code maxspeed:forward} /
 * {@code maxspeed:backward} for each direction, else {@code maxspeed}, else the road type's
 * default. Speeds read: a number in km/h, or with {@code km/h}, {@code kmh}, {@code kph},
 * {@code mph} or {@code knots}; {@code walk} (7 km/h); a zone such as {@code CH:urban} (50),
 * {@code CH:rural} (80), {@code CH:trunk} (100), {@code CH:motorway} (120),
 * {@code DE:living_street} (7) or {@code DE:zone30} (30); with several values separated by
 * {@code ;}, the lowest. Anything else ({@code none}, {@code signals}, {@code variable}) means the
 * road type's default.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class OsmRoads {

  private static final Logger LOG = LoggerFactory.getLogger(OsmRoads.class);

  /** The mean Earth radius (IUGG), in metres. */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  /**
   * The road types read by default, each with its default speed in km/h (typical speed limits
   * in central Europe): motorway 120, motorway_link 60, trunk 100, trunk_link 60, primary 80,
   * primary_link 50, secondary 70, secondary_link 50, tertiary 60, tertiary_link 40,
   * unclassified 50, residential 30, living_street 7, service 20, road 50.
   */
  public static final Map<String, Double> DEFAULT_SPEEDS_KMH = Map.ofEntries(
      Map.entry("motorway", 120.0), Map.entry("motorway_link", 60.0),
      Map.entry("trunk", 100.0), Map.entry("trunk_link", 60.0),
      Map.entry("primary", 80.0), Map.entry("primary_link", 50.0),
      Map.entry("secondary", 70.0), Map.entry("secondary_link", 50.0),
      Map.entry("tertiary", 60.0), Map.entry("tertiary_link", 40.0),
      Map.entry("unclassified", 50.0), Map.entry("residential", 30.0),
      Map.entry("living_street", 7.0), Map.entry("service", 20.0), Map.entry("road", 50.0));

  private static final Map<String, Double> ZONE_SPEEDS_KMH = Map.of("urban", 50.0,
      "rural", 80.0, "trunk", 100.0, "motorway", 120.0, "living_street", 7.0, "walk", 7.0);

  private static final Pattern SPEED =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(km/h|kmh|kph|mph|knots)?");

  private static final Pattern ZONE = Pattern.compile("zone:?(\\d+)");

  private static final OsmRoads DEFAULT = new OsmRoads(Weight.LENGTH, false, DEFAULT_SPEEDS_KMH);

  /** What an edge weight measures. */
  public enum Weight {
    /** The segment's length in metres. */
    LENGTH("m"),
    /** The time to drive the segment at its speed, in seconds. */
    TRAVEL_TIME("s");

    private final String unit;

    Weight(String unit) {
      this.unit = unit;
    }

    /** The unit of the weight: {@code m} or {@code s}. */
    public String unit() {
      return unit;
    }
  }

  private final Weight weight;
  private final boolean largestComponent;
  private final Map<String, Double> speeds;

  private OsmRoads(Weight weight, boolean largestComponent, Map<String, Double> speeds) {
    this.weight = weight;
    this.largestComponent = largestComponent;
    this.speeds = speeds;
  }

  /** The default reader: lengths in metres, the whole network, the default road types. */
  public static OsmRoads reader() {
    return DEFAULT;
  }

  /** What the edge weights measure. */
  public OsmRoads weight(Weight measure) {
    return new OsmRoads(measure, largestComponent, speeds);
  }

  /**
   * Whether to keep only the largest strongly connected component (where every vertex can reach
   * every other), renumbered; off by default.
   */
  public OsmRoads largestStronglyConnectedComponent(boolean keepOnlyIt) {
    return new OsmRoads(weight, keepOnlyIt, speeds);
  }

  /**
   * The road types to read, each {@code highway} value with its default speed in km/h.
   *
   * @param speedsKmh highway values to positive speeds, not null
   * @throws IllegalArgumentException if a speed is not positive and finite
   */
  public OsmRoads roadTypes(Map<String, Double> speedsKmh) {
    for (Map.Entry<String, Double> e : speedsKmh.entrySet()) {
      if (!(e.getValue() > 0) || e.getValue().isInfinite()) {
        throw new IllegalArgumentException("highway=" + e.getKey() + " has default speed "
            + e.getValue() + " km/h; speeds must be positive and finite");
      }
    }
    return new OsmRoads(weight, largestComponent, Map.copyOf(speedsKmh));
  }

  /** The road types read, each with its default speed in km/h, sorted by type. */
  public Map<String, Double> roadTypes() {
    return new TreeMap<>(speeds);
  }

  /**
   * Reads a road network.
   *
   * @param file an {@code .osm.pbf}, {@code .osm} or {@code .osm.gz} file, not null
   * @throws FileFormatException naming the file and the line (XML) or block (PBF) where the file
   *     is malformed, or the file's kind if it is none of these
   * @throws IllegalStateException if the file is PBF and the osmpbf library is absent
   */
  public RoadNetwork read(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    OsmSource source;
    if (name.endsWith(".pbf")) {
      requireLibrary("crosby.binary.BinaryParser", "org.openstreetmap.pbf:osmpbf", "osmpbf", file);
      source = new OsmPbfSource(file);
    } else if (name.endsWith(".osm") || name.endsWith(".osm.gz") || name.endsWith(".xml")) {
      source = new OsmXmlSource(file);
    } else if (name.endsWith(".bz2")) {
      throw new FileFormatException(file.toString(), "bzip2 is not read; decompress the file"
          + " first (bunzip2 -k)", null);
    } else {
      throw new FileFormatException(file.toString(), "not an OpenStreetMap file: expected a name"
          + " ending in .osm.pbf, .osm or .osm.gz", null);
    }
    RoadNetworkBuilder builder = new RoadNetworkBuilder(speeds);
    source.readWays(builder);
    builder.prepareNodes();
    source.readNodes(builder);
    RoadNetwork network = builder.build(weight);
    LOG.debug("{}: {} ({} segments without their nodes)", file, network,
        network.missingNodeSegmentCount());
    if (!largestComponent) {
      return network;
    }
    StronglyConnectedComponents scc = StronglyConnectedComponents.of(network.graph());
    return scc.count() == 0 ? network : network.restrictedTo(scc.vertices(scc.largest()));
  }

  /**
   * Checks that an optional library can be used from this module.
   *
   * @throws IllegalStateException naming the artifact to add if the class is not found or this
   *     module cannot read it
   */
  static void requireLibrary(String className, String artifact, String module, Path file) {
    Module self = OsmRoads.class.getModule();
    try {
      Class<?> type = Class.forName(className, false, OsmRoads.class.getClassLoader());
      if (self.canRead(type.getModule())) {
        return;
      }
    } catch (ClassNotFoundException | LinkageError e) {
      LOG.debug("{} is not available", className, e);
    }
    throw new IllegalStateException("reading " + file + " needs the library " + artifact
        + ": add it to your dependencies (and 'requires " + module + "' to your module-info)");
  }

  /**
   * The great-circle distance between two points in metres: the haversine formula on a sphere
   * of radius {@link #EARTH_RADIUS_METRES}.
   */
  public static double distanceMetres(double latitude1, double longitude1, double latitude2,
      double longitude2) {
    double phi1 = Math.toRadians(latitude1);
    double phi2 = Math.toRadians(latitude2);
    double sinHalfPhi = Math.sin((phi2 - phi1) / 2);
    double sinHalfLambda = Math.sin(Math.toRadians(longitude2 - longitude1) / 2);
    double h = sinHalfPhi * sinHalfPhi + Math.cos(phi1) * Math.cos(phi2) * sinHalfLambda
        * sinHalfLambda;
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /**
   * A {@code maxspeed} value in km/h as the class comment describes, or NaN for a value that
   * means "the road type's default" or is not understood.
   */
  static double speedKmh(String value) {
    if (value == null) {
      return Double.NaN;
    }
    double lowest = Double.NaN;
    for (String part : value.split(";")) {
      double speed = singleSpeedKmh(part.trim().toLowerCase(Locale.ROOT));
      if (speed > 0 && !(speed >= lowest)) {
        lowest = speed;
      }
    }
    return lowest;
  }

  private static double singleSpeedKmh(String value) {
    if (value.equals("walk")) {
      return 7;
    }
    int colon = value.indexOf(':');
    if (colon >= 0) {
      String zone = value.substring(colon + 1);
      Matcher z = ZONE.matcher(zone);
      if (z.matches()) {
        return Double.parseDouble(z.group(1));
      }
      return ZONE_SPEEDS_KMH.getOrDefault(zone, Double.NaN);
    }
    Matcher m = SPEED.matcher(value);
    if (!m.matches()) {
      return Double.NaN;
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "km/h" : m.group(2);
    return switch (unit) {
      case "mph" -> number * 1.609344;
      case "knots" -> number * 1.852;
      default -> number;
    };
  }

  /**
   * The directions traffic may take on a way: bit 1 along it, bit 2 against it, as the class
   * comment describes.
   */
  static int directions(Map<String, String> tags) {
    String junction = tags.get("junction");
    boolean implied = "roundabout".equals(junction) || "circular".equals(junction)
        || "motorway".equals(tags.get("highway"));
    String oneway = tags.get("oneway");
    String value = oneway == null ? "" : oneway.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "yes", "true", "1" -> RoadNetworkBuilder.FORWARD;
      case "-1", "reverse" -> RoadNetworkBuilder.BACKWARD;
      case "no", "false", "0" -> RoadNetworkBuilder.FORWARD | RoadNetworkBuilder.BACKWARD;
      default -> implied ? RoadNetworkBuilder.FORWARD
          : RoadNetworkBuilder.FORWARD | RoadNetworkBuilder.BACKWARD;
    };
  }
}
