package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.cost.CostConvention;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.CostReport;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.core.LatheException;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link NetworkProvider}: the settings create a network named after the
 * provider, with inputs, outputs and parameters; the same settings create the same network;
 * every cost convention counts it with finite, non-negative figures, and {@code conv-linear}'s
 * parameters are the network's own count; settings that give no valid network are refused with
 * a message that names the setting.
 *
 * <pre>{@code
 * class MyNetworkTest extends NetworkContract {
 *   @Override protected NetworkProvider provider() { return new MyNetworkProvider(); }
 *   @Override protected Map<String, String> invalidSettings() { return Map.of("r", "7"); }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class NetworkContract extends PluginProviderContract<NetworkProvider> {

  /** For subclasses. */
  protected NetworkContract() {}

  /**
   * Settings that give no valid network, one at a time, each as a key and a bad value (e.g. a
   * resolution the strides do not divide); the refusal must name the key. Default: none.
   */
  protected Map<String, String> invalidSettings() {
    return Map.of();
  }

  @Override
  protected final ExtensionPoint point() {
    return ExtensionPoint.NETWORK;
  }

  @Override
  protected final String instanceId() {
    return newNetwork().name();
  }

  /** A new network from the provider with {@link #context()}. */
  protected final Network newNetwork() {
    Network network = provider().create(context());
    assertNotNull(network, () -> plugin() + ": create() returned null");
    return network;
  }

  /** Checks that the network has inputs, outputs and parameters. */
  @Test
  public void describesInputsOutputsAndParameters() {
    Network network = newNetwork();
    assertFalse(network.inputs().isEmpty(), () -> plugin() + ": the network has no input");
    assertFalse(network.outputs().isEmpty(), () -> plugin() + ": the network has no output");
    assertTrue(network.parameters() > 0, () -> plugin() + ": the network has "
        + network.parameters() + " parameters; a network to count or train has some");
  }

  /** Checks that two networks created from the same settings are the same. */
  @Test
  public void theSameSettingsDescribeTheSameNetwork() {
    Network first = newNetwork();
    Network second = newNetwork();
    assertEquals(first.inputs(), second.inputs(),
        () -> plugin() + ": two networks from the same settings have different inputs");
    assertEquals(first.nodes(), second.nodes(),
        () -> plugin() + ": two networks from the same settings have different nodes");
  }

  /**
   * Checks that every cost convention counts the network with finite, non-negative figures and
   * that {@code conv-linear} counts the network's own parameters.
   */
  @Test
  public void everyConventionCountsIt() {
    Network network = newNetwork();
    for (CostConvention convention : CostConventions.all()) {
      CostReport report;
      try {
        report = convention.count(network);
      } catch (RuntimeException e) {
        fail(plugin() + ": convention '" + convention.id() + "' cannot count the network: "
            + e.getMessage(), e);
        return;
      }
      assertTrue(Double.isFinite(report.params()) && report.params() >= 0
          && Double.isFinite(report.macs()) && report.macs() >= 0
          && report.activationBytes() >= 0, () -> plugin() + ": convention '"
          + convention.id() + "' gives " + report + "; costs are finite and at least 0");
    }
    assertEquals((double) network.parameters(), CostConventions.convLinear().count(network)
        .params(), () -> plugin() + ": conv-linear counts other parameters than the network's");
  }

  /** Checks that each of {@link #invalidSettings()} is refused naming its key. */
  @Test
  public void invalidSettingsAreRefusedNamingTheKey() {
    invalidSettings().forEach((key, value) -> {
      try {
        Network network = provider().create(contextBuilder().set(key, value).build());
        fail(plugin() + ": " + key + "=" + value + " gave network '" + network.name()
            + "'; invalidSettings() says it gives none");
      } catch (IllegalArgumentException | LatheException e) {
        assertTrue(String.valueOf(e.getMessage()).contains(key), () -> plugin() + ": "
            + key + "=" + value + " was refused with '" + e.getMessage()
            + "', which does not name the key");
      }
    });
  }
}
