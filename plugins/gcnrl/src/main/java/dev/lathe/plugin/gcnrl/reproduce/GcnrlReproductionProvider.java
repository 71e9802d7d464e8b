package dev.lathe.plugin.gcnrl.reproduce;

import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.plugin.gcnrl.providers.GcnrlPlugin;
import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.api.spi.Settings;
import dev.lathe.plugin.gcnrl.spice.SharedLibrarySimulator;
import dev.lathe.plugin.gcnrl.spice.Simulator;
import dev.lathe.plugin.gcnrl.spice.SimulatorPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The provider of the {@code gcnrl} reproduction. */
public final class GcnrlReproductionProvider implements ReproductionProvider {

  private static final PluginInfo INFO = GcnrlPlugin.info(GcnrlReproduction.ID,
      "GCN-RL circuit designer: sizing on ngspice, comparison and transfer");

  @Override
  public PluginInfo info() {
    return INFO;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.string("mode", "in_process", "how ngspice runs: in_process or process")
            .choices("in_process", "process"),
        ParameterSpec.integer("parallelism", 2, "runs and simulations at once").range(1, 64));
  }

  @Override
  public Reproduction create(PluginContext context) {
    Settings s = context.settings();
    int parallelism = s.getInt("parallelism");
    SimulatorPool pool = SimulatorPool.open(s.getString("mode").equals("process")
            ? Simulator.Mode.PROCESS : Simulator.Mode.IN_PROCESS, parallelism, "ngspice",
        SharedLibrarySimulator.DEBIAN_LIBRARY, Duration.ofSeconds(30), context.logger());
    return new GcnrlReproduction(context, pool, parallelism);
  }
}
