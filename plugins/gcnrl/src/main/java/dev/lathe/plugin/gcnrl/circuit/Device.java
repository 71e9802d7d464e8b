package dev.lathe.plugin.gcnrl.circuit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One sized component of a circuit: a vertex of the circuit graph.
 *
 * @param name the instance name without its SPICE prefix, e.g. {@code 1} for {@code m1}
 * @param type the kind of component
 * @param nets the nets it connects: drain, gate, source for a MOSFET (the body is tied to the
 *     source), the two terminals otherwise
 * @param leader the device whose parameters this one copies (a matched pair or mirror, the
 *     refine step), or {@code null} when it is sized on its own
 * @param low the lower bound of each of the type's parameters
 * @param high the upper bound of each of the type's parameters
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Device(String name, DeviceType type, List<String> nets, String leader, double[] low,
    double[] high) {

  /** Checks the parts. */
  public Device {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    nets = List.copyOf(nets);
    int terminals = type == DeviceType.NMOS || type == DeviceType.PMOS ? 3 : 2;
    if (nets.size() != terminals) {
      throw new IllegalArgumentException("device '" + name + "' (" + type + ") needs " + terminals
          + " nets, got " + nets);
    }
    if (low.length != type.parameters().size() || high.length != low.length) {
      throw new IllegalArgumentException("device '" + name + "' needs bounds for "
          + type.parameters());
    }
    low = low.clone();
    high = high.clone();
  }

  /** A MOSFET with width and length bounds. */
  public static Device mos(String name, DeviceType type, String drain, String gate, String source,
      String leader, double wLow, double wHigh, double lLow, double lHigh) {
    return new Device(name, type, List.of(drain, gate, source), leader,
        new double[] {wLow, lLow}, new double[] {wHigh, lHigh});
  }

  /** A two-terminal device with one parameter. */
  public static Device passive(String name, DeviceType type, String a, String b, String leader,
      double low, double high) {
    return new Device(name, type, List.of(a, b), leader, new double[] {low},
        new double[] {high});
  }

  /** Whether this device is sized on its own rather than copying a leader. */
  public boolean free() {
    return leader == null;
  }

  /** The search-space dimension of parameter {@code parameter}, e.g. {@code m1_w}. */
  public String dimension(String parameter) {
    return instance() + "_" + parameter;
  }

  /** The SPICE instance name, e.g. {@code m1}, {@code rf}, {@code cc}, {@code ib}. */
  public String instance() {
    String prefix = switch (type) {
      case NMOS, PMOS -> "m";
      case RESISTOR -> "r";
      case CAPACITOR -> "c";
      case CURRENT_SOURCE -> "i";
    };
    return prefix + name.toLowerCase(Locale.ROOT);
  }

  /** The SPICE line of this device with parameter values {@code values} (in the type's order). */
  public String line(double[] values, TechnologyNode node) {
    return switch (type) {
      case NMOS -> String.format(Locale.ROOT, "%s %s %s %s %s %s w=%.6g l=%.6g", instance(),
          nets.get(0), nets.get(1), nets.get(2), nets.get(2), node.nmosModel(), values[0],
          values[1]);
      case PMOS -> String.format(Locale.ROOT, "%s %s %s %s %s %s w=%.6g l=%.6g", instance(),
          nets.get(0), nets.get(1), nets.get(2), nets.get(2), node.pmosModel(), values[0],
          values[1]);
      case RESISTOR, CAPACITOR -> String.format(Locale.ROOT, "%s %s %s %.6g", instance(),
          nets.get(0), nets.get(1), values[0]);
      case CURRENT_SOURCE -> String.format(Locale.ROOT, "%s %s %s dc %.6g", instance(),
          nets.get(0), nets.get(1), values[0]);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Device d && name.equals(d.name) && type == d.type && nets.equals(d.nets)
        && Objects.equals(leader, d.leader) && java.util.Arrays.equals(low, d.low)
        && java.util.Arrays.equals(high, d.high);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, nets, leader, java.util.Arrays.hashCode(low),
        java.util.Arrays.hashCode(high));
  }

  @Override
  public String toString() {
    return instance() + " " + type + " " + nets + (leader == null ? "" : " = " + leader);
  }
}
