package dev.lathe.plugin.gcnrl.circuit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/** The kinds of sized component, each with the parameters an optimizer chooses for it. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DeviceType {
  /** An n-channel MOSFET: width and length in metres. */
  NMOS(List.of("w", "l")),
  /** A p-channel MOSFET: width and length in metres. */
  PMOS(List.of("w", "l")),
  /** A resistor in ohms. */
  RESISTOR(List.of("r")),
  /** A capacitor in farads. */
  CAPACITOR(List.of("c")),
  /** A DC current source in amperes, flowing from its first net to its second. */
  CURRENT_SOURCE(List.of("i"));

  private final List<String> parameters;

  DeviceType(List<String> parameters) {
    this.parameters = parameters;
  }

  /** The parameter names, e.g. {@code w} and {@code l}. */
  public List<String> parameters() {
    return parameters;
  }
}
