package dev.lathe.plugin.gcnrl.circuit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A search space that knows a graph over its dimensions, which the GCN agent uses; on any
 * other space the agent falls back to a plain MLP. (framework-api's SearchSpace has no graph
 * structure yet; this interface is where it would move.)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GraphStructured {

  /** The graph over this space's dimensions. */
  SpaceGraph graph();
}
