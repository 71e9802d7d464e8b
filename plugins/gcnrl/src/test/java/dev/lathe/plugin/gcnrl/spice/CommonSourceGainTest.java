package dev.lathe.plugin.gcnrl.spice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The common-source stage of {@link CommonSourceStage}, whose operating point and small-signal
 * gain follow in closed form, simulated by ngspice in both modes; and decks that cannot be solved, which must come back as failures.
 */
class CommonSourceGainTest {

  private static final CommonSourceStage STAGE = CommonSourceStage.standard();

  private static SharedLibrarySimulator inProcess;
  private static ProcessSimulator process;

  @BeforeAll
  static void open() {
    inProcess = SharedLibrarySimulator.load(SharedLibrarySimulator.DEBIAN_LIBRARY);
    process = new ProcessSimulator("ngspice", Duration.ofSeconds(20));
  }

  static Deck commonSource() {
    return STAGE.deck();
  }

  /** KP 200 µA/V², VTO 0.5 V, λ 0.05, W/L 10, VDD 1.8 V, VGS 0.7 V, RD 10 kΩ: gain 4.19. */
  @Test
  void gainMatchesTheHandCalculationInBothModes() {
    double id = STAGE.drainCurrent();
    double gain = STAGE.gain();
    assertEquals(42.745e-6, id, 0.001e-6);
    assertEquals(4.1907, gain, 0.0005);
    for (Simulator simulator : List.of(inProcess, process)) {
      Simulation s = simulator.simulate(commonSource());
      assertTrue(s.succeeded(), simulator.mode() + ": " + s.failure());
      assertEquals(id, s.value("drain_current"), id * 1e-4, simulator.mode().name());
      assertEquals(STAGE.drainVoltage(), s.value("drain_voltage"), 1e-4, simulator.mode().name());
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

  @Test
  void bothModesRunOneOpenMpThreadPerSimulation() {
    Deck deck = new Deck(List.of("* the threads BSIM4 would use", "r1 a 0 1k", ".end"),
        List.of("op", "let threads = $num_threads"), List.of("threads"));
    for (Simulator simulator : List.of(inProcess, process)) {
      Simulation s = simulator.simulate(deck);
      assertTrue(s.succeeded(), simulator.mode() + ": " + s.failure());
      assertEquals(1.0, s.value("threads"), simulator.mode().toString());
    }
  }
}
