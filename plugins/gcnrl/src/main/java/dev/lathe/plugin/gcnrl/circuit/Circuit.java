package dev.lathe.plugin.gcnrl.circuit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.plugin.gcnrl.spice.Deck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A circuit topology to size: its sized devices (the graph's vertices), the fixed parts of its
 * test bench, the analyses and measurements that turn a sizing into metrics, the default figure
 * of merit, and a human reference sizing.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Circuit {

  /** Nets that every device may touch and that therefore make no edge of the graph. */
  Set<String> SUPPLY_NETS = Set.of("0", "vdd");

  /** The circuit's id, e.g. {@code opamp2}. */
  String id();

  /** One line: what the circuit is. */
  String description();

  /** The sized devices, leaders before their followers. */
  List<Device> devices();

  /** The test bench: supply, sources, loads, in netlist syntax, for {@code node}. */
  List<String> bench(TechnologyNode node);

  /** The control commands that compute {@link #metrics()} from the bench. */
  List<String> commands(TechnologyNode node);

  /** The metrics that the commands compute, by result name, with their units. */
  Map<String, String> metrics();

  /** The default figure of merit, with its specs. */
  FigureOfMerit figureOfMerit();

  /** A sizing by hand, as dimension values, documented in the reproduction report. */
  Map<String, Double> referenceSizing(TechnologyNode node);

  /** The device called {@code name}. */
  default Device device(String name) {
    return devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("circuit '" + id() + "' has no device '" + name + "'"));
  }

  /**
   * The deck that simulates this circuit on {@code node} with the free devices' parameters
   * {@code values} (by dimension name); followers copy their leader's values (the refine step).
   *
   * @throws IllegalArgumentException naming the dimension if a value is missing
   */
  default Deck deck(TechnologyNode node, Map<String, Double> values) {
    List<String> netlist = new ArrayList<>();
    netlist.add("* " + id() + " on " + node.id());
    netlist.addAll(node.cards());
    netlist.addAll(bench(node));
    for (Device d : devices()) {
      Device source = d.free() ? d : device(d.leader());
      double[] v = new double[d.type().parameters().size()];
      for (int i = 0; i < v.length; i++) {
        String dim = source.dimension(source.type().parameters().get(i));
        Double x = values.get(dim);
        if (x == null) {
          throw new IllegalArgumentException("circuit '" + id() + "': no value for dimension '"
              + dim + "'");
        }
        v[i] = x;
      }
      netlist.add(d.line(v, node));
    }
    netlist.add(".end");
    return new Deck(netlist, commands(node), List.copyOf(metrics().keySet()));
  }

  /** A sizing from dimension names and values, alternating: a helper for implementations. */
  static Map<String, Double> sizing(Object... nameValuePairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      m.put((String) nameValuePairs[i], ((Number) nameValuePairs[i + 1]).doubleValue());
    }
    return m;
  }

  /** The metrics' units, in order: a helper for implementations. */
  static Map<String, String> units(String... nameUnitPairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameUnitPairs.length; i += 2) {
      m.put(nameUnitPairs[i], nameUnitPairs[i + 1]);
    }
    return m;
  }
}
