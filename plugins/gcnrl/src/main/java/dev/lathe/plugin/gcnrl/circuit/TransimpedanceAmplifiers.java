package dev.lathe.plugin.gcnrl.circuit;

import static dev.lathe.plugin.gcnrl.circuit.DeviceType.NMOS;
import static dev.lathe.plugin.gcnrl.circuit.DeviceType.PMOS;
import static dev.lathe.plugin.gcnrl.circuit.DeviceType.RESISTOR;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Transimpedance amplifiers for a photodiode (100 fF) driving a 50 fF load: the bench, the
 * measurements (transimpedance at low frequency, −3 dB bandwidth, peaking, power) and the
 * figure of merit that both topologies share.
 */
final class TransimpedanceAmplifiers {

  static final double W_LOW = 0.2e-6;
  static final double W_HIGH = 50e-6;
  static final double L_LOW = 0.05e-6;
  static final double L_HIGH = 1e-6;

  private TransimpedanceAmplifiers() {}

  /** What both topologies share: the bench, the measurements and the figure of merit. */
  abstract static sealed class Tia implements Circuit permits TwoStage, ThreeStage {

    @Override
    public List<String> bench(TechnologyNode node) {
      return List.of(
          String.format(Locale.ROOT, "vdd vdd 0 %s", node.vdd()),
          "iin 0 in dc 0 ac 1",
          "cpd in 0 100f",
          "cl out 0 50f");
    }

    @Override
    public List<String> commands(TechnologyNode node) {
      return List.of(
          "op",
          String.format(Locale.ROOT, "let power_w = -i(vdd) * %s", node.vdd()),
          "ac dec 20 1e3 1e11",
          "let zt_dbohm = vdb(out)[0]",
          "let relative_db = vdb(out) - zt_dbohm",
          "meas ac bw_hz when relative_db=-3 fall=1",
          "let peaking_db = vecmax(relative_db)");
    }

    @Override
    public Map<String, String> metrics() {
      return Circuit.units("power_w", "W", "zt_dbohm", "dBOhm", "bw_hz", "Hz", "peaking_db", "dB");
    }

    @Override
    public FigureOfMerit figureOfMerit() {
      return FigureOfMerit.parse(List.of("zt_dbohm:1:40:100:90", "bw_hz:1:1e8:2e10:1e10",
          "power_w:-1:0:2e-3:1e-5"), List.of("peaking_db <= 1"));
    }
  }

  /**
   * The two-stage TIA: a self-biased shunt-feedback inverter ({@code m1}, {@code m2},
   * feedback resistor {@code rf}) followed by an NMOS common-source gain stage {@code m3} with
   * the resistor load {@code rl}.
   */
  static final class TwoStage extends Tia {

    private static final List<Device> DEVICES = List.of(
        Device.mos("1", NMOS, "o1", "in", "0", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
        Device.mos("2", PMOS, "o1", "in", "vdd", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
        Device.passive("f", RESISTOR, "o1", "in", null, 500, 50e3),
        Device.mos("3", NMOS, "out", "o1", "0", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
        Device.passive("l", RESISTOR, "vdd", "out", null, 200, 20e3));

    @Override
    public String id() {
      return "tia2";
    }

    @Override
    public String description() {
      return "two-stage TIA: shunt-feedback inverter, common-source gain stage";
    }

    @Override
    public List<Device> devices() {
      return DEVICES;
    }

    @Override
    public Map<String, Double> referenceSizing(TechnologyNode node) {
      return Circuit.sizing("m1_w", 2e-6, "m1_l", 0.1e-6, "m2_w", 4e-6, "m2_l", 0.1e-6, "rf_r", 5e3,
          "m3_w", 4e-6, "m3_l", 0.1e-6, "rl_r", 2e3);
    }
  }

  /**
   * The three-stage TIA: three inverters ({@code m1}…{@code m6}) in a chain, closed by the
   * feedback resistor {@code rf} from the output to the input (three inversions make the loop
   * negative).
   */
  static final class ThreeStage extends Tia {

    private static final List<Device> DEVICES = List.of(
        Device.mos("1", NMOS, "o1", "in", "0", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
        Device.mos("2", PMOS, "o1", "in", "vdd", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
        Device.mos("3", NMOS, "o2", "o1", "0", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
        Device.mos("4", PMOS, "o2", "o1", "vdd", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
        Device.mos("5", NMOS, "out", "o2", "0", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
        Device.mos("6", PMOS, "out", "o2", "vdd", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
        Device.passive("f", RESISTOR, "out", "in", null, 500, 50e3));

    @Override
    public String id() {
      return "tia3";
    }

    @Override
    public String description() {
      return "three-stage TIA: three inverters closed by a feedback resistor";
    }

    @Override
    public List<Device> devices() {
      return DEVICES;
    }

    @Override
    public Map<String, Double> referenceSizing(TechnologyNode node) {
      return Circuit.sizing("m1_w", 2e-6, "m1_l", 0.1e-6, "m2_w", 4e-6, "m2_l", 0.1e-6,
          "m3_w", 2e-6, "m3_l", 0.1e-6, "m4_w", 4e-6, "m4_l", 0.1e-6,
          "m5_w", 2e-6, "m5_l", 0.1e-6, "m6_w", 4e-6, "m6_l", 0.1e-6, "rf_r", 5e3);
    }
  }
}
