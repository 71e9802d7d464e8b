package dev.lathe.plugin.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.SqueezeExcitation;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.CostReport;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zoo's networks against their published counts under {@code conv-linear}. Parameter counts
 * of the CNNs are exact (torchvision's model documentation lists them to the unit); MAC counts
 * are asserted exactly as computed independently from the architectures, and against the
 * rounded published figure with the stated tolerance.
 */
class ZooNetworksTest {

  @TempDir Path folder;

  private Network create(NetworkProvider provider, Map<String, String> settings) {
    return provider.create(TestPluginContext.builder(provider, folder).settings(settings).build());
  }

  private static CostReport count(Network network) {
    return CostConventions.convLinear().count(network);
  }

  private static void within(double published, double measured, double tolerance, String what) {
    assertTrue(Math.abs(measured - published) <= tolerance * published,
        what + ": " + measured + " is not within " + tolerance * 100 + "% of " + published);
  }

  /** papers/once-for-all.md: "MobileNetV3-Large as OFA defines it, @224: 216.59M MACs, 5.482M params". */
  @Test
  void mobileNetV3LargeMatchesOnceForAllExactly() {
    Network net = create(new MobileNetV3LargeProvider(), Map.of());
    CostReport r = count(net);
    assertEquals(5_481_752, r.params());
    assertEquals(216_589_760, r.macs());
    assertEquals("216.59M MACs, 5.482M params", String.format(Locale.ROOT,
        "%.2fM MACs, %.3fM params", r.macs() / 1e6, r.params() / 1e6));
    assertEquals(Shape.of(16, 112, 112), net.shape("first_conv.act"));
    assertEquals(24, ((SqueezeExcitation) net.node("blocks.3.conv.depth_conv.se").layer())
        .reduced(), "make_divisible(72 // 4, 8) = 24");
    assertEquals(Shape.of(960, 7, 7), net.shape("final_expand_layer.act"));
    assertEquals(Shape.of(1280, 1, 1), net.shape("feature_mix_layer.act"));
    assertEquals(Shape.of(1000), net.shape("classifier"));
    assertEquals(Shape.of(16, 113, 113),
        create(new MobileNetV3LargeProvider(), Map.of("r", "225")).shape("first_conv.act"),
        "(R + 1) // 2");
  }

  /** torchvision: ResNet-18 has 11,689,512 parameters and 1.81 GFLOPS (MACs); the brief's ~1.82G. */
  @Test
  void resNet18() {
    CostReport r = count(create(new ResNet18Provider(), Map.of()));
    assertEquals(11_689_512, r.params());
    assertEquals(1_814_073_344, r.macs());
    within(1.82e9, r.macs(), 0.01, "ResNet-18 MACs");
    CostReport tenClasses = count(create(new ResNet18Provider(), Map.of("classes", "10")));
    assertEquals(11_689_512 - 990 * 512 - 990, tenClasses.params());
  }

  /** torchvision: ResNet-50 (v1.5) has 25,557,032 parameters and 4.09 GFLOPS (MACs), ~4.1G. */
  @Test
  void resNet50() {
    CostReport r = count(create(new ResNet50Provider(), Map.of()));
    assertEquals(25_557_032, r.params());
    assertEquals(4_089_184_256L, r.macs());
    within(4.1e9, r.macs(), 0.01, "ResNet-50 MACs");
  }

  /** torchvision: MobileNetV2 has 3,504,872 parameters; the paper (Table 4): 300M MACs at 224. */
  @Test
  void mobileNetV2() {
    Network net = create(new MobileNetV2Provider(), Map.of());
    CostReport r = count(net);
    assertEquals(3_504_872, r.params());
    assertEquals(300_774_272, r.macs());
    within(300e6, r.macs(), 0.01, "MobileNetV2 MACs");
    assertEquals(Shape.of(320, 7, 7), net.shape("features.17.project.bn"));
    assertEquals(Shape.of(1280, 4, 4),
        create(new MobileNetV2Provider(), Map.of("r", "128")).shape("features.18.act"));
  }

  /**
   * Vaswani et al. (Table 3) give the base model 65M parameters. With a shared 37,000-token
   * vocabulary tied to the output projection the arithmetic gives 63,082,496: embeddings
   * 37,000·512, 6 encoder layers of 3,152,384 and 6 decoder layers of 4,204,032 (projections
   * with biases, feed-forward 512·2048 + 2048 + 2048·512 + 512, layer norms 2·512 each); within
   * 3% of the rounded published figure.
   */
  @Test
  void transformerBase() {
    Network net = create(new TransformerBaseProvider(), Map.of());
    CostReport r = count(net);
    assertEquals(18_944_000 + 6 * 3_152_384 + 6 * 4_204_032, r.params());
    within(65e6, r.params(), 0.03, "Transformer base parameters");
    // 30 source + 30 target tokens. Encoder layer: 4·30·512² projections, 2·30·30·512 products,
    // 2·30·512·2048 feed-forward; decoder layer: the same plus cross-attention (Q and output
    // over 30 target tokens, K and V over 30 source tokens, 2·30·30·512 products); output
    // projection 30·512·37,000.
    long encoder = 4L * 30 * 512 * 512 + 2L * 30 * 30 * 512 + 2L * 30 * 512 * 2048;
    long decoder = encoder + 4L * 30 * 512 * 512 + 2L * 30 * 30 * 512;
    assertEquals(6 * encoder + 6 * decoder + 30L * 512 * 37_000, r.macs());
    assertEquals(Shape.of(30, 37_000), net.shape("softmax"));
    Network small = create(new TransformerBaseProvider(),
        Map.of("vocabulary", "32000", "source-length", "12", "target-length", "7"));
    assertEquals(r.params() - 5_000 * 512, count(small).params());
    assertEquals(Shape.of(7, 512), small.shape("decoder.5.cross_attn"));
  }
}
