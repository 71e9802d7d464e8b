package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.model.cost.MicronetScore;
import org.apiguardian.api.API;

/**
 * A {@link NetworkProvider} that also scores what it builds under the MicroNet challenge's rules
 * term by term, where the rules count things that a {@link dev.lathe.api.model.Network} does not
 * describe (test-set bin frequencies, a cache, per-tensor non-zero counts, quantisers).
 * {@code lathe cost NETWORK --convention micronet} prints this score and its terms.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface MicronetScorer {

  /**
   * The score of the network that the settings of {@code context} describe.
   *
   * @throws IllegalArgumentException naming the setting, if the settings give no valid network
   */
  MicronetScore micronetScore(PluginContext context);
}
