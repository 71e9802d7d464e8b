package dev.lathe.plugin.gcnrl.providers;

import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import dev.lathe.plugin.gcnrl.agent.Ddpg;
import dev.lathe.plugin.gcnrl.agent.DdpgSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The provider of {@code gcnrl}: the GCN-RL agent (graph-convolutional DDPG on a space with a
 * graph, MLP-DDPG otherwise or when {@code network: mlp}), optionally starting from a saved
 * agent for transfer.
 */
public final class DdpgProvider implements OptimizerProvider {

  private static final PluginInfo INFO = GcnrlPlugin.info(Ddpg.ID,
      "GCN-RL circuit designer: graph-convolutional DDPG");

  @Override
  public PluginInfo info() {
    return INFO;
  }

  @Override
  public List<ParameterSpec> parameters() {
    DdpgSettings d = DdpgSettings.defaults();
    return List.of(
        ParameterSpec.string("network", "gcn", "gcn (needs a space with a graph) or mlp")
            .choices("gcn", "mlp"),
        ParameterSpec.integer("warmup", d.warmup(), "random candidates before the actor")
            .atLeast(1),
        ParameterSpec.integer("hidden", d.hidden(), "width of the hidden layers").atLeast(1),
        ParameterSpec.real("actor_lr", d.actorRate(), "actor learning rate (Adam)").atLeast(0),
        ParameterSpec.real("critic_lr", d.criticRate(), "critic learning rate (Adam)").atLeast(0),
        ParameterSpec.real("noise", d.noise(), "initial exploration noise (σ, action units)")
            .atLeast(0),
        ParameterSpec.real("noise_decay", d.noiseDecay(), "noise factor per candidate")
            .range(0, 1),
        ParameterSpec.integer("batch", d.batch(), "replayed samples per critic update")
            .atLeast(1),
        ParameterSpec.integer("updates", d.updates(), "updates per told outcome").atLeast(0),
        ParameterSpec.string("agent", "", "a saved agent to start from (transfer); empty: none"),
        ParameterSpec.integer("transfer_warmup", 0,
            "random candidates before a loaded actor proposes").atLeast(0));
  }

  @Override
  public Optimizer create(PluginContext context, Problem problem) {
    Settings s = context.settings();
    DdpgSettings settings = new DdpgSettings(s.getString("network").equals("gcn"),
        s.getInt("warmup"), s.getInt("hidden"), s.getDouble("actor_lr"), s.getDouble("critic_lr"),
        s.getDouble("noise"), s.getDouble("noise_decay"), s.getInt("batch"), s.getInt("updates"));
    Ddpg agent = new Ddpg(problem, settings, context.seed());
    String saved = s.getString("agent");
    if (!saved.isEmpty()) {
      Path path = Path.of(saved);
      try (InputStream in = Files.newInputStream(path)) {
        agent.loadAgent(in, s.getInt("transfer_warmup"));
      } catch (IOException e) {
        throw new UncheckedIOException("optimizer '" + Ddpg.ID + "': cannot load agent " + path
            + ": " + e.getMessage(), e);
      }
    }
    return agent;
  }
}
