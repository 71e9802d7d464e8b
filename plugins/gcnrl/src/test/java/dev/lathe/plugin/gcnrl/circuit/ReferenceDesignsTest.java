package dev.lathe.plugin.gcnrl.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.plugin.gcnrl.spice.ProcessSimulator;
import dev.lathe.plugin.gcnrl.spice.SharedLibrarySimulator;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The human reference sizing of every circuit on every node, simulated in both modes. */
class ReferenceDesignsTest {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceDesignsTest.class);
  private static SharedLibrarySimulator inProcess;

  @BeforeAll
  static void open() {
    inProcess = SharedLibrarySimulator.load(SharedLibrarySimulator.DEBIAN_LIBRARY);
  }

  @Test
  void everyReferenceSimulatesAlikeInBothModesAndMeetsItsSpecs() {
    ProcessSimulator process = new ProcessSimulator("ngspice", Duration.ofSeconds(20));
    for (String circuitId : Circuits.BUILT_IN) {
      for (String nodeId : TechnologyNode.BUILT_IN) {
        Circuit circuit = Circuits.builtIn(circuitId);
        CircuitSpace space = new CircuitSpace(circuit, TechnologyNode.builtIn(nodeId));
        Metrics a = new CircuitEvaluator(space, circuit.figureOfMerit(), inProcess)
            .evaluate(space.reference());
        Metrics b = new CircuitEvaluator(space, circuit.figureOfMerit(), process)
            .evaluate(space.reference());
        LOG.info("{} on {}: {}", circuitId, nodeId, a);
        for (String m : a.names()) {
          assertEquals(a.value(m), b.value(m), Math.abs(a.value(m)) * 1e-5 + 1e-12,
              circuitId + "/" + nodeId + " " + m);
        }
        assertTrue(a.value("power_w") > 1e-6 && a.value("power_w") < 5e-3, a.toString());
        for (var spec : circuit.figureOfMerit().specs()) {
          assertTrue(spec.satisfiedBy(a), circuitId + " on " + nodeId + " misses " + spec
              + ": " + a);
        }
      }
    }
  }
}
