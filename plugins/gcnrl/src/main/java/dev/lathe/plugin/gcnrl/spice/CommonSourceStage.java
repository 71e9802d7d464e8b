package dev.lathe.plugin.gcnrl.spice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A common-source stage with a resistor load on a level-1 (Shichman–Hodges) MOSFET: the
 * reference design whose operating point and small-signal gain follow in closed form, to check
 * the simulator against a hand calculation.
 *
 * @param kp the transconductance parameter KP in A/V²
 * @param vto the threshold voltage in V
 * @param lambda the channel-length modulation in 1/V
 * @param widthOverLength W/L
 * @param vdd the supply in V
 * @param vgs the gate bias in V
 * @param rd the load resistor in Ω
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CommonSourceStage(double kp, double vto, double lambda, double widthOverLength,
    double vdd, double vgs, double rd) {

  /** The stage of the tests and the reproduction: KP 200 µA/V², VTO 0.5 V, λ 0.05, W/L 10. */
  public static CommonSourceStage standard() {
    return new CommonSourceStage(200e-6, 0.5, 0.05, 10, 1.8, 0.7, 10e3);
  }

  /** The deck: an operating point and an AC sweep; results drain_current, drain_voltage, gain. */
  public Deck deck() {
    return new Deck(List.of(
        "* common-source stage, level-1 MOSFET",
        ".model nhand nmos level=1 kp=" + kp + " vto=" + vto + " lambda=" + lambda,
        "vdd vdd 0 " + vdd,
        "vin g 0 dc " + vgs + " ac 1",
        "rd vdd d " + rd,
        "m1 d g 0 0 nhand w=" + widthOverLength + "u l=1u",
        ".end"), List.of(
        "op",
        "let drain_current = -i(vdd)",
        "let drain_voltage = v(d)",
        "ac dec 10 10 1e6",
        "let gain = mag(v(d))[0]"),
        List.of("drain_current", "drain_voltage", "gain"));
  }

  /**
   * The drain current by hand: I = I0(1 + λ·VDS) with I0 = KP/2·W/L·Vov² and VDS = VDD − I·RD,
   * so I = I0(1 + λ·VDD)/(1 + λ·I0·RD).
   */
  public double drainCurrent() {
    double i0 = saturationCurrent();
    return i0 * (1 + lambda * vdd) / (1 + lambda * i0 * rd);
  }

  /** The drain voltage by hand, VDD − I·RD. */
  public double drainVoltage() {
    return vdd - drainCurrent() * rd;
  }

  /** The small-signal gain by hand: gm·(RD ∥ 1/gds), gm = KP·W/L·Vov·(1 + λ·VDS), gds = λ·I0. */
  public double gain() {
    double vov = vgs - vto;
    double gm = kp * widthOverLength * vov * (1 + lambda * drainVoltage());
    double gds = lambda * saturationCurrent();
    return gm / (1 / rd + gds);
  }

  private double saturationCurrent() {
    double vov = vgs - vto;
    return kp / 2 * widthOverLength * vov * vov;
  }
}
