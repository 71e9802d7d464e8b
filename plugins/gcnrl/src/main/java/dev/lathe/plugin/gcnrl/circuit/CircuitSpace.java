package dev.lathe.plugin.gcnrl.circuit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.DimensionGraph;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.plugin.gcnrl.spice.Deck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The sizes of a circuit's free devices on one technology node, one log-scaled dimension per
 * parameter, with the circuit graph as structure: a vertex per device (matched devices
 * included, owning no dimension), an edge where two devices share a net other than the supply
 * and ground, and vertex features made of the device type (one-hot), its position in the
 * circuit, and the node's features.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CircuitSpace implements SearchSpace {

  /** The id of this space's plugin. */
  public static final String ID = "gcnrl-circuit";

  private final Circuit circuit;
  private final TechnologyNode node;
  private final List<Dimension> dimensions;
  private final DimensionGraph graph;

  /** The space of {@code circuit} on {@code node}. */
  public CircuitSpace(Circuit circuit, TechnologyNode node) {
    this.circuit = circuit;
    this.node = node;
    List<Dimension> dims = new ArrayList<>();
    for (Device d : circuit.devices()) {
      if (d.free()) {
        for (int i = 0; i < d.type().parameters().size(); i++) {
          dims.add(RealDimension.logOf(d.dimension(d.type().parameters().get(i)), d.low()[i],
              d.high()[i]));
        }
      }
    }
    this.dimensions = List.copyOf(dims);
    this.graph = buildGraph(circuit, node);
  }

  private static DimensionGraph buildGraph(Circuit circuit, TechnologyNode node) {
    List<Device> devices = circuit.devices();
    int n = devices.size();
    double[] nodeFeatures = node.features();
    List<DimensionGraph.Vertex> vertices = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Device d = devices.get(i);
      double[] f = new double[DeviceType.values().length + 1 + nodeFeatures.length];
      f[d.type().ordinal()] = 1;
      f[DeviceType.values().length] = n == 1 ? 0 : (double) i / (n - 1);
      System.arraycopy(nodeFeatures, 0, f, DeviceType.values().length + 1, nodeFeatures.length);
      List<String> owned = d.free()
          ? d.type().parameters().stream().map(d::dimension).toList() : List.of();
      vertices.add(new DimensionGraph.Vertex(d.instance(), f, owned));
    }
    boolean[][] adjacency = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        boolean shared = devices.get(i).nets().stream()
            .filter(net -> !Circuit.SUPPLY_NETS.contains(net))
            .anyMatch(devices.get(j).nets()::contains);
        adjacency[i][j] = shared;
        adjacency[j][i] = shared;
      }
    }
    return new DimensionGraph(vertices, adjacency);
  }

  /** The number of features per vertex: device types, position, node features. */
  public static int featureCount() {
    return DeviceType.values().length + 1 + TechnologyNode.featureCount();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Dimension> dimensions() {
    return dimensions;
  }

  @Override
  public Optional<DimensionGraph> structure() {
    return Optional.of(graph);
  }

  /** The circuit. */
  public Circuit circuit() {
    return circuit;
  }

  /** The technology node. */
  public TechnologyNode node() {
    return node;
  }

  /** The deck that simulates {@code candidate}. */
  public Deck deck(Candidate candidate) {
    Map<String, Double> values = new HashMap<>();
    for (Dimension d : dimensions) {
      values.put(d.name(), candidate.getDouble(d.name()));
    }
    return circuit.deck(node, values);
  }

  /** The human reference sizing as a candidate of this space. */
  public Candidate reference() {
    Map<String, Double> sizing = circuit.referenceSizing(node);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Dimension d : dimensions) {
      Double v = sizing.get(d.name());
      if (v == null) {
        throw new IllegalStateException("circuit '" + circuit.id()
            + "': the reference sizing has no value for '" + d.name() + "'");
      }
      values.put(d.name(), v);
    }
    return Candidate.of(values);
  }
}
