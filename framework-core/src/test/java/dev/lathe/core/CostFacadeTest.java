package dev.lathe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.api.spi.MicronetScorer;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Lathe#cost} and {@link Lathe#network} on a network plugin registered in code. */
class CostFacadeTest {

  /** {@code [in] → linear in→width → linear width→2}; {@code mode} makes it fail on purpose. */
  static final class TwoLayers implements NetworkProvider {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("two-layers", "0.1.0", "Two linear layers", "[0.1,1.0)");
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(ParameterSpec.integer("width", 4, "hidden width").range(1, 64),
          ParameterSpec.integer("in", 3, "input features").atLeast(1),
          ParameterSpec.string("mode", "ok", "how to fail").choices("ok", "bad", "crash"));
    }

    @Override
    public Network create(PluginContext context) {
      int width = context.settings().getInt("width");
      switch (context.settings().getString("mode")) {
        case "bad" -> throw new IllegalArgumentException("setting 'mode': bad on purpose");
        case "crash" -> throw new IllegalStateException("broken on purpose");
        default -> { }
      }
      return Network.builder("two-layers")
          .input("x", Shape.of(context.settings().getInt("in")))
          .add("hidden", Linear.of(context.settings().getInt("in"), width))
          .add("out", Linear.of(width, 2))
          .build();
    }
  }

  /** A network that scores itself: one tensor of {@code size} elements, half of them zero. */
  static final class Scored implements NetworkProvider, MicronetScorer {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("scored", "0.1.0", "A self-scoring network", "[0.1,1.0)");
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(ParameterSpec.integer("size", 64, "elements").range(2, 1 << 20));
    }

    @Override
    public Network create(PluginContext context) {
      int size = context.settings().getInt("size");
      return Network.builder("scored").input("x", Shape.of(size))
          .add("fc", Linear.of(size, 1).withBias(false)).build();
    }

    @Override
    public MicronetScore micronetScore(PluginContext context) {
      int size = context.settings().getInt("size");
      if (size == 3) {
        throw new IllegalArgumentException("setting 'size': 3 on purpose");
      }
      return new MicronetScore(8, List.of(new MicronetScore.Tensor("fc.weight", size,
          size / 2)), List.of(new MicronetScore.Operations("fc", size / 2.0, size / 2.0 - 1,
          0)), 1);
    }
  }

  private final Lathe lathe = Lathe.open(null, List.of(new TwoLayers(), new Scored()));

  @Test
  void aNetworkThatScoresItselfGivesItsScore() {
    MicronetScore score = lathe.micronetScore("scored", List.of("size=32")).orElseThrow();
    assertEquals(32, score.parameters());
    assertEquals(16 * 8 / 32.0 + 1 + 1 + 24 / 32.0, score.size());
    assertEquals(16 * 8 / 32.0 + 15, score.ops());
    assertTrue(lathe.micronetScore("two-layers", List.of()).isEmpty());
    LatheException e = assertThrows(LatheException.class,
        () -> lathe.micronetScore("scored", List.of("size=3")));
    assertEquals(LatheException.Kind.CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains("setting 'size': 3 on purpose"), e.getMessage());
  }

  @AfterEach
  void close() {
    lathe.close();
  }

  private LatheException refusal(List<String> settings, String network, String convention) {
    return assertThrows(LatheException.class, () -> lathe.cost(network, settings, convention));
  }

  @Test
  void countsTheNetworkBuiltFromValidatedSettings() {
    CostResult r = lathe.cost("two-layers", List.of("width=10"), "conv-linear");
    assertEquals("two-layers", r.id());
    assertEquals(Map.of("width", "10", "in", "3", "mode", "ok"), r.settings());
    assertEquals(3 * 10 + 10 + 10 * 2 + 2, r.report().params());
    assertEquals(30 + 20, r.report().macs());
    // input 12 bytes; hidden 40 bytes live with it; then hidden and out (8 bytes)
    assertEquals(52, r.report().activationBytes());
    assertEquals("conv-linear", r.convention().id());
    assertEquals("50 MACs, 62 params, 52 B peak activations", r.summary());
    assertEquals(2, r.network().nodes().size());
    CostResult micronet = lathe.cost("two-layers", List.of(), "micronet");
    assertEquals("ops", micronet.convention().operationsUnit());
    assertEquals(12 + 8 + 4 + 8 + 6 + 2, micronet.report().macs(), "3·4 + 2·4 + 4, 4·2 + 3·2 + 2");
    assertEquals(Shape.of(2), lathe.network("two-layers", List.of("in=7")).shape("out"));
  }

  @Test
  void settingsAreCheckedLikeAnExperimentsSettings() {
    LatheException typo = refusal(List.of("widht=10"), "two-layers", "conv-linear");
    assertEquals(LatheException.Kind.CONFIGURATION, typo.kind());
    assertEquals("settings of plugin 'two-layers': network.widht: unknown setting of plugin"
        + " 'two-layers'; plugin 'two-layers' declares: width, in, mode", typo.getMessage());
    assertTrue(refusal(List.of("widt=10"), "two-layers", "conv-linear").getMessage()
        .contains("did you mean 'width'"));
    LatheException range = refusal(List.of("width=100"), "two-layers", "conv-linear");
    assertTrue(range.getMessage().contains("network.width"), range.getMessage());
    assertEquals("--set 'width': expected KEY=VALUE, e.g. r=160",
        refusal(List.of("width"), "two-layers", "conv-linear").getMessage());
    assertEquals("--set '=3': expected KEY=VALUE, e.g. r=160",
        refusal(List.of("=3"), "two-layers", "conv-linear").getMessage());
  }

  @Test
  void unknownNetworksAndConventionsNameTheKnownOnes() {
    LatheException network = refusal(List.of(), "two-layer", "conv-linear");
    assertEquals(LatheException.Kind.CONFIGURATION, network.kind());
    assertEquals("no network 'two-layer'; did you mean 'two-layers'?; the networks are"
        + " scored, two-layers", network.getMessage());
    LatheException convention = refusal(List.of(), "two-layers", "flops");
    assertEquals(LatheException.Kind.CONFIGURATION, convention.kind());
    assertEquals("unknown cost convention 'flops'; the conventions are conv-linear,"
        + " torchprofile, micronet", convention.getMessage());
    assertEquals("unknown cost convention 'micronett'; did you mean 'micronet'?; the conventions"
        + " are conv-linear, torchprofile, micronet",
        refusal(List.of(), "two-layers", "micronett").getMessage());
  }

  @Test
  void aPluginsRefusalIsAConfigurationErrorAndItsCrashAPluginError() {
    LatheException bad = refusal(List.of("mode=bad"), "two-layers", "conv-linear");
    assertEquals(LatheException.Kind.CONFIGURATION, bad.kind());
    assertTrue(bad.getMessage().startsWith("network 'two-layers' with {"), bad.getMessage());
    assertTrue(bad.getMessage().endsWith("}: setting 'mode': bad on purpose"), bad.getMessage());
    LatheException crash = refusal(List.of("mode=crash"), "two-layers", "conv-linear");
    assertEquals(LatheException.Kind.PLUGIN, crash.kind());
    assertTrue(crash.getMessage().contains("java.lang.IllegalStateException: broken on purpose"),
        crash.getMessage());
  }

  @Test
  void quantitiesAreWrittenForPeople() {
    assertEquals("216.59M", CostResult.decimal(216_589_760, 2));
    assertEquals("5.482M", CostResult.decimal(5_481_752, 3));
    assertEquals("4.09G", CostResult.decimal(4_089_184_256.0, 2));
    assertEquals("999", CostResult.decimal(999, 2));
    assertEquals("12.50", CostResult.decimal(12.5, 2));
    assertEquals("1.00K", CostResult.decimal(1000, 2));
    assertEquals("1023 B", CostResult.bytes(1023));
    assertEquals("1.00 KiB", CostResult.bytes(1024));
    assertEquals("9.19 MiB", CostResult.bytes(9_636_660));
  }
}
