package dev.lathe.plugin.gcnrl.agent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The agent's hyper-parameters.
 *
 * @param graph whether to use the graph-convolutional networks (else the MLP variant)
 * @param warmup how many candidates are drawn at random before the actor proposes
 * @param hidden the width of the hidden layers
 * @param actorRate the actor's Adam learning rate
 * @param criticRate the critic's Adam learning rate
 * @param noise the initial standard deviation of the exploration noise, in action units
 * @param noiseDecay the factor by which the noise shrinks per candidate after the warm-up
 * @param batch the number of replayed samples per critic update
 * @param updates the number of critic and actor updates per told outcome
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DdpgSettings(boolean graph, int warmup, int hidden, double actorRate,
    double criticRate, double noise, double noiseDecay, int batch, int updates) {

  /** Checks the ranges. */
  public DdpgSettings {
    if (warmup < 1 || hidden < 1 || batch < 1 || updates < 0 || noise < 0 || noiseDecay <= 0
        || noiseDecay > 1 || actorRate <= 0 || criticRate <= 0) {
      throw new IllegalArgumentException("DDPG settings out of range: " + this);
    }
  }

  /** The defaults of the graph-convolutional agent. */
  public static DdpgSettings defaults() {
    return new DdpgSettings(true, 20, 32, 3e-3, 1e-2, 0.4, 0.97, 32, 6);
  }

  /** These settings with the graph networks on or off. */
  public DdpgSettings withGraph(boolean useGraph) {
    return new DdpgSettings(useGraph, warmup, hidden, actorRate, criticRate, noise, noiseDecay,
        batch, updates);
  }

  /** These settings with another warm-up length. */
  public DdpgSettings withWarmup(int randomCandidates) {
    return new DdpgSettings(graph, randomCandidates, hidden, actorRate, criticRate, noise,
        noiseDecay, batch, updates);
  }

  /** These settings with another initial noise. */
  public DdpgSettings withNoise(double standardDeviation) {
    return new DdpgSettings(graph, warmup, hidden, actorRate, criticRate, standardDeviation,
        noiseDecay, batch, updates);
  }
}
