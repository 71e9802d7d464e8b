package dev.lathe.plugin.gcnrl.circuit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/** The built-in circuit topologies. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Circuits {

  /** The ids of the built-in circuits. */
  public static final List<String> BUILT_IN = List.of("opamp2", "tia2", "tia3");

  private Circuits() {}

  /**
   * The built-in circuit {@code id}: {@code opamp2}, {@code tia2} or {@code tia3}.
   *
   * @throws IllegalArgumentException naming the id if there is no such circuit
   */
  public static Circuit builtIn(String id) {
    return switch (id) {
      case "opamp2" -> new MillerOpAmp();
      case "tia2" -> new TransimpedanceAmplifiers.TwoStage();
      case "tia3" -> new TransimpedanceAmplifiers.ThreeStage();
      default -> throw new IllegalArgumentException("no circuit '" + id + "'; built in: "
          + BUILT_IN);
    };
  }
}
