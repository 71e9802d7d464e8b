package dev.lathe.plugin.gcnrl.providers;

import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.plugin.gcnrl.circuit.CircuitSpace;
import java.util.List;

/** The provider of {@code gcnrl-circuit}: the sizes of a circuit on a node, with its graph. */
public final class CircuitSpaceProvider implements SearchSpaceProvider {

  private static final PluginInfo INFO = GcnrlPlugin.info(CircuitSpace.ID,
      "Transistor sizes of a circuit topology, with the circuit graph (GCN-RL)");

  @Override
  public PluginInfo info() {
    return INFO;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return CircuitSettings.PARAMETERS;
  }

  @Override
  public SearchSpace create(PluginContext context) {
    return CircuitSettings.space(context.settings());
  }
}
