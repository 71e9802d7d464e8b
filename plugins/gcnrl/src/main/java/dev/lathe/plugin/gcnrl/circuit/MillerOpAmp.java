package dev.lathe.plugin.gcnrl.circuit;

import static dev.lathe.plugin.gcnrl.circuit.DeviceType.CAPACITOR;
import static dev.lathe.plugin.gcnrl.circuit.DeviceType.CURRENT_SOURCE;
import static dev.lathe.plugin.gcnrl.circuit.DeviceType.NMOS;
import static dev.lathe.plugin.gcnrl.circuit.DeviceType.PMOS;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two-stage Miller-compensated op-amp of the textbooks (Allen–Holberg, Razavi): an NMOS
 * differential pair {@code m1}/{@code m2} with a PMOS mirror load {@code m3}/{@code m4}, an NMOS
 * tail {@code m5} mirrored from the bias diode {@code m8}, a PMOS common-source second stage
 * {@code m6} with the NMOS sink {@code m7}, Miller capacitor {@code cc} and bias current
 * {@code ib}. The bench closes a unity-gain loop at DC through a 1 GH inductor (AC open) so that
 * the operating point settles, drives the non-inverting input with an AC unit and loads the
 * output with 1 pF.
 */
final class MillerOpAmp implements Circuit {

  private static final double W_LOW = 0.2e-6;
  private static final double W_HIGH = 50e-6;
  private static final double L_LOW = 0.05e-6;
  private static final double L_HIGH = 1e-6;

  private static final List<Device> DEVICES = List.of(
      Device.mos("1", NMOS, "x1", "inn", "tail", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
      Device.mos("2", NMOS, "out1", "inp", "tail", "1", W_LOW, W_HIGH, L_LOW, L_HIGH),
      Device.mos("3", PMOS, "x1", "x1", "vdd", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
      Device.mos("4", PMOS, "out1", "x1", "vdd", "3", W_LOW, W_HIGH, L_LOW, L_HIGH),
      Device.mos("5", NMOS, "tail", "bias", "0", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
      Device.mos("8", NMOS, "bias", "bias", "0", "5", W_LOW, W_HIGH, L_LOW, L_HIGH),
      Device.mos("6", PMOS, "out", "out1", "vdd", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
      Device.mos("7", NMOS, "out", "bias", "0", null, W_LOW, W_HIGH, L_LOW, L_HIGH),
      Device.passive("c", CAPACITOR, "out1", "out", null, 0.1e-12, 5e-12),
      Device.passive("b", CURRENT_SOURCE, "vdd", "bias", null, 2e-6, 100e-6));

  @Override
  public String id() {
    return "opamp2";
  }

  @Override
  public String description() {
    return "two-stage Miller-compensated op-amp, 1 pF load";
  }

  @Override
  public List<Device> devices() {
    return DEVICES;
  }

  @Override
  public List<String> bench(TechnologyNode node) {
    return List.of(
        String.format(Locale.ROOT, "vdd vdd 0 %s", node.vdd()),
        String.format(Locale.ROOT, "vinp inp 0 dc %s ac 1", node.vdd() / 2),
        "lfb out inn 1e9",
        "cfb inn 0 1e3",
        "cl out 0 1p");
  }

  @Override
  public List<String> commands(TechnologyNode node) {
    return List.of(
        "op",
        String.format(Locale.ROOT, "let power_w = -i(vdd) * %s", node.vdd()),
        "ac dec 20 1 1e10",
        "let gain_db = vdb(out)[0]",
        "meas ac ugbw_hz when vdb(out)=0 fall=1",
        "let phase = 180 / pi * cph(v(out))",
        "meas ac phase_at_ugbw find phase at=ugbw_hz",
        "let pm_deg = 180 + phase_at_ugbw");
  }

  @Override
  public Map<String, String> metrics() {
    return Circuit.units("power_w", "W", "gain_db", "dB", "ugbw_hz", "Hz", "pm_deg", "deg");
  }

  @Override
  public FigureOfMerit figureOfMerit() {
    return FigureOfMerit.parse(List.of("gain_db:1:20:80:70", "ugbw_hz:1:1e6:1e9:5e8",
        "power_w:-1:0:1e-3:1e-5"), List.of("pm_deg >= 45"));
  }

  /**
   * Sized by hand for about 50 dB and 45°+ of phase margin; berkeley-b's higher gain needs 1 pF
   * of Miller capacitance.
   */
  @Override
  public Map<String, Double> referenceSizing(TechnologyNode node) {
    return Circuit.sizing("m1_w", 4e-6, "m1_l", 0.2e-6, "m3_w", 4e-6, "m3_l", 0.2e-6,
        "m5_w", 4e-6, "m5_l", 0.2e-6, "m6_w", 16e-6, "m6_l", 0.2e-6, "m7_w", 8e-6, "m7_l", 0.2e-6,
        "cc_c", node.id().equals("berkeley-b") ? 1e-12 : 0.5e-12, "ib_i", 20e-6);
  }
}
