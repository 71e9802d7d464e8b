package dev.lathe.plugin.gcnrl.agent;

import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.plugin.gcnrl.providers.DdpgProvider;
import dev.lathe.testkit.tck.OptimizerContract;
import java.util.Map;

/**
 * The optimizer contract for {@code gcnrl} on the contract's space of every dimension kind,
 * which has no graph, so the agent runs as MLP-DDPG; a short warm-up puts most asks through
 * the actor.
 */
class MlpDdpgContractTest extends OptimizerContract {

  @Override
  protected OptimizerProvider provider() {
    return new DdpgProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("warmup", "3", "hidden", "8", "batch", "8", "updates", "2");
  }
}
