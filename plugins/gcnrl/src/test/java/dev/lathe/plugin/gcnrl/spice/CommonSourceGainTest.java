package dev.lathe.plugin.gcnrl.spice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A common-source stage with a resistor load on a level-1 (Shichman–Hodges) MOSFET, whose
 * operating point and small-signal gain follow in closed form, simulated by ngspice in both
 * modes; and decks that cannot be solved, which must come back as failures.
 */
class CommonSourceGainTest {

  private static final double KP = 200e-6;
  private static final double VTO = 0.5;
  private static final double LAMBDA = 0.05;
  private static final double W_OVER_L = 10;
  private static final double VDD = 1.8;
  private static final double VGS = 0.7;
  private static final double RD = 10e3;

  private static SharedLibrarySimulator inProcess;
  private static ProcessSimulator process;

  @BeforeAll
  static void open() {
    inProcess = SharedLibrarySimulator.load(SharedLibrarySimulator.DEBIAN_LIBRARY);
    process = new ProcessSimulator("ngspice", Duration.ofSeconds(20));
  }

  static Deck commonSource() {
    return new Deck(List.of(
        "* common-source stage, level-1 MOSFET",
        ".model nhand nmos level=1 kp=" + KP + " vto=" + VTO + " lambda=" + LAMBDA,
        "vdd vdd 0 " + VDD,
        "vin g 0 dc " + VGS + " ac 1",
        "rd vdd d " + RD,
        "m1 d g 0 0 nhand w=10u l=1u",
        ".end"), List.of(
        "op",
        "let drain_current = -i(vdd)",
        "let drain_voltage = v(d)",
        "ac dec 10 10 1e6",
        "let gain = mag(v(d))[0]"),
        List.of("drain_current", "drain_voltage", "gain"));
  }

  /**
   * Hand calculation: I = I0(1 + λ·VDS) with I0 = KP/2·W/L·Vov² and VDS = VDD − I·RD, so
   * I = I0(1 + λ·VDD)/(1 + λ·I0·RD); gm = KP·W/L·Vov·(1 + λ·VDS), gds = λ·I0, and the gain is
   * gm·(RD ∥ 1/gds).
   */
  @Test
  void gainMatchesTheHandCalculationInBothModes() {
    double vov = VGS - VTO;
    double i0 = KP / 2 * W_OVER_L * vov * vov;
    double id = i0 * (1 + LAMBDA * VDD) / (1 + LAMBDA * i0 * RD);
    double vds = VDD - id * RD;
    double gm = KP * W_OVER_L * vov * (1 + LAMBDA * vds);
    double gds = LAMBDA * i0;
    double gain = gm / (1 / RD + gds);
    assertEquals(4.19, gain, 0.01);
    for (Simulator simulator : List.of(inProcess, process)) {
      Simulation s = simulator.simulate(commonSource());
      assertTrue(s.succeeded(), simulator.mode() + ": " + s.failure());
      assertEquals(id, s.value("drain_current"), id * 1e-4, simulator.mode().name());
      assertEquals(vds, s.value("drain_voltage"), 1e-4, simulator.mode().name());
      assertEquals(gain, s.value("gain"), gain * 1e-3, simulator.mode().name());
    }
  }

  @Test
  void repeatedInProcessRunsDoNotSeeEachOthersVectors() {
    Simulation first = inProcess.simulate(commonSource());
    Simulation failing = inProcess.simulate(new Deck(List.of("* no gain vector", "r1 a 0 1k",
        "i1 0 a dc 1m", ".end"), List.of("op"), List.of("gain")));
    Simulation again = inProcess.simulate(commonSource());
    assertFalse(failing.succeeded());
    assertTrue(failing.failure().contains("gain"), failing.failure());
    assertEquals(first.values(), again.values());
  }

  @Test
  void singularCircuitIsAFailureInBothModes() {
    Deck loop = new Deck(List.of("* two sources fight over one node", "v1 a 0 1", "v2 a 0 2",
        "r1 a 0 1k", ".end"), List.of("op", "let va = v(a)"), List.of("va"));
    for (Simulator simulator : List.of(inProcess, process)) {
      Simulation s = simulator.simulate(loop);
      assertFalse(s.succeeded(), simulator.mode() + " gave " + s.values());
    }
  }

  @Test
  void failedMeasurementIsAFailureNotANumber() {
    Deck deck = new Deck(List.of("* gain below one never crosses 0 dB", "vin a 0 dc 0 ac 1",
        "r1 a b 1k", "r2 b 0 1k", ".end"),
        List.of("ac dec 10 1 1e6", "meas ac crossing when vdb(b)=0"), List.of("crossing"));
    for (Simulator simulator : List.of(inProcess, process)) {
      Simulation s = simulator.simulate(deck);
      assertFalse(s.succeeded(), simulator.mode() + " gave " + s.values());
    }
  }
}
