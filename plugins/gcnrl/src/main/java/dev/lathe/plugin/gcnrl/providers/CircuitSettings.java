package dev.lathe.plugin.gcnrl.providers;

import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.Settings;
import dev.lathe.plugin.gcnrl.circuit.CircuitSpace;
import dev.lathe.plugin.gcnrl.circuit.Circuits;
import dev.lathe.plugin.gcnrl.circuit.TechnologyNode;
import java.util.List;

/** The settings that name a circuit and a technology node, shared by the space and evaluator. */
final class CircuitSettings {

  static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.string("circuit", "opamp2", "the circuit topology to size")
          .choices(Circuits.BUILT_IN.toArray(String[]::new)),
      ParameterSpec.string("node", "berkeley-a", "the technology node (model cards, supply)")
          .choices(TechnologyNode.BUILT_IN.toArray(String[]::new)));

  private CircuitSettings() {}

  static CircuitSpace space(Settings settings) {
    return new CircuitSpace(Circuits.builtIn(settings.getString("circuit")),
        TechnologyNode.builtIn(settings.getString("node")));
  }
}
