package dev.lathe.plugin.gcnrl.providers;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.plugin.gcnrl.circuit.CircuitSpace;
import dev.lathe.plugin.gcnrl.circuit.Circuits;
import dev.lathe.plugin.gcnrl.circuit.TechnologyNode;
import dev.lathe.testkit.tck.EvaluatorContract;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The evaluator contract for {@code gcnrl-spice} on the three-stage TIA, in-process: the
 * reference sizing and random sizings, some of which ngspice cannot measure.
 */
class CircuitEvaluatorContractTest extends EvaluatorContract {

  @Override
  protected EvaluatorProvider provider() {
    return new CircuitEvaluatorProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("circuit", "tia3", "node", "berkeley-a", "parallelism", "2");
  }

  @Override
  protected List<Candidate> candidates() {
    CircuitSpace space = new CircuitSpace(Circuits.builtIn("tia3"),
        TechnologyNode.builtIn("berkeley-a"));
    SplittableRandom random = new SplittableRandom(7);
    return List.of(space.reference(), space.sample(random), space.sample(random));
  }
}
