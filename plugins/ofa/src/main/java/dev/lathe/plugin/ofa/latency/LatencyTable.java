package dev.lathe.plugin.ofa.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A latency lookup table: the measured latency of each layer group (see {@link LayerGroups}) by
 * signature, the backend's fixed cost of one call, the context factor (how much slower the
 * groups run inside a whole network than timed alone, measured on calibration networks; 1
 * until calibrated), and the provenance of the measurements (backend, threads, CPU, JVM,
 * warm-up and repeats).
 *
 * <p>Saved as JSON: {@code format} {@code "lathe-ofa-latency-table"}, {@code version} 2,
 * {@code provenance} (an object of strings), {@code call_overhead_ms}, {@code context_factor},
 * {@code context_networks} (how many networks calibrated it, 0 if none) and {@code entries},
 * one object per signature with {@code signature}, {@code median_ms}, {@code min_ms} and
 * {@code repeats}, sorted by signature.
 */
final class LatencyTable {

  /** The format name in the file. */
  static final String FORMAT = "lathe-ofa-latency-table";
  /** The format version this code writes; it reads this version only. */
  static final int VERSION = 2;

  /**
   * One measured group.
   *
   * @param medianMillis the median of the timed runs
   * @param minMillis the fastest timed run
   * @param repeats how many runs were timed
   */
  record Entry(double medianMillis, double minMillis, int repeats) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, String> provenance;
  private final double callOverheadMillis;
  private final Map<String, Entry> entries = new TreeMap<>();
  private double contextFactor = 1;
  private int contextNetworks;

  LatencyTable(Map<String, String> provenance, double callOverheadMillis) {
    this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    this.callOverheadMillis = callOverheadMillis;
  }

  /** Where and how the entries were measured. */
  Map<String, String> provenance() {
    return provenance;
  }

  /** The fastest call that computes nothing: the backend's cost of one call. */
  double callOverheadMillis() {
    return callOverheadMillis;
  }

  /** How much slower groups run inside a network than alone; 1 until calibrated. */
  synchronized double contextFactor() {
    return contextFactor;
  }

  /** How many networks calibrated the context factor; 0 if none. */
  synchronized int contextNetworks() {
    return contextNetworks;
  }

  /**
   * Sets the context factor measured on {@code networks} networks.
   *
   * @throws IllegalArgumentException if the factor is not positive and finite or no network
   *     measured it
   */
  synchronized void calibrate(double factor, int networks) {
    if (!(factor > 0 && Double.isFinite(factor)) || networks < 1) {
      throw new IllegalArgumentException("latency table: context factor " + factor
          + " from " + networks + " networks; needs a positive factor from at least one");
    }
    contextFactor = factor;
    contextNetworks = networks;
  }

  /** The entry of {@code signature}, if measured. */
  synchronized Optional<Entry> get(String signature) {
    return Optional.ofNullable(entries.get(signature));
  }

  /** Records the measurement of {@code signature}. */
  synchronized void put(String signature, Entry entry) {
    entries.put(signature, entry);
  }

  /** The number of entries. */
  synchronized int size() {
    return entries.size();
  }

  /** Writes the table to {@code file} atomically (a temporary file, then a rename). */
  synchronized void save(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT).put("version", VERSION);
    ObjectNode p = root.putObject("provenance");
    provenance.forEach(p::put);
    root.put("call_overhead_ms", callOverheadMillis);
    root.put("context_factor", contextFactor).put("context_networks", contextNetworks);
    ArrayNode list = root.putArray("entries");
    entries.forEach((signature, e) -> list.addObject().put("signature", signature)
        .put("median_ms", e.medianMillis()).put("min_ms", e.minMillis())
        .put("repeats", e.repeats()));
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    JSON.writeValue(temporary.toFile(), root);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads a table written by {@link #save}.
   *
   * @throws IOException if the file cannot be read, or names the file and the field that is
   *     wrong
   */
  static LatencyTable load(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("latency table " + file + ": not JSON (" + e.getMessage() + ")", e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException("latency table " + file + ": field 'format' is not '" + FORMAT + "'");
    }
    int version = root.path("version").asInt(-1);
    if (version != VERSION) {
      throw new IOException("latency table " + file + ": version " + version
          + " is not supported (this Lathe reads version " + VERSION + "); delete the file to"
          + " measure a new table");
    }
    Map<String, String> provenance = new LinkedHashMap<>();
    root.path("provenance").fields().forEachRemaining(e -> provenance.put(e.getKey(),
        e.getValue().asText()));
    JsonNode overhead = root.get("call_overhead_ms");
    if (overhead == null || !overhead.isNumber()) {
      throw new IOException("latency table " + file + ": field 'call_overhead_ms' is missing");
    }
    LatencyTable table = new LatencyTable(provenance, overhead.asDouble());
    JsonNode factor = root.get("context_factor");
    JsonNode networks = root.get("context_networks");
    if (factor == null || !factor.isNumber() || networks == null || !networks.isInt()) {
      throw new IOException("latency table " + file + ": field 'context_factor' or"
          + " 'context_networks' is missing");
    }
    if (networks.asInt() > 0) {
      try {
        table.calibrate(factor.asDouble(), networks.asInt());
      } catch (IllegalArgumentException e) {
        throw new IOException("latency table " + file + ": field 'context_factor' is "
            + factor + ", not a positive number", e);
      }
    }
    int i = 0;
    for (JsonNode e : root.path("entries")) {
      if (!e.path("signature").isTextual() || !e.path("median_ms").isNumber()
          || !e.path("min_ms").isNumber() || !e.path("repeats").isInt()) {
        throw new IOException("latency table " + file + ": entries[" + i + "] lacks signature,"
            + " median_ms, min_ms or repeats");
      }
      table.put(e.get("signature").asText(), new Entry(e.get("median_ms").asDouble(),
          e.get("min_ms").asDouble(), e.get("repeats").asInt()));
      i++;
    }
    return table;
  }
}
