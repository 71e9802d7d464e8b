package dev.lathe.plugin.gcnrl.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.plugin.gcnrl.circuit.CircuitSpace;
import dev.lathe.plugin.gcnrl.circuit.Circuits;
import dev.lathe.plugin.gcnrl.circuit.TechnologyNode;
import dev.lathe.plugin.gcnrl.providers.DdpgProvider;
import dev.lathe.testkit.tck.OptimizerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optimizer contract for {@code gcnrl} on the three-stage TIA's space, whose circuit graph
 * makes it run as GCN-DDPG; the contract's own analytic loss stands in for the simulator.
 */
class GcnDdpgContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new DdpgProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("warmup", "3", "hidden", "8", "batch", "8", "updates", "2");
  }

  @Override
  protected Problem problem() {
    return new Problem(new CircuitSpace(Circuits.builtIn("tia3"),
        TechnologyNode.builtIn("berkeley-a")), List.of(Objective.minimize(LOSS)), List.of());
  }

  @Test
  void runsOnTheGraph() {
    assertTrue(((Ddpg) newOptimizer(problem())).usesGraph());
  }
}
