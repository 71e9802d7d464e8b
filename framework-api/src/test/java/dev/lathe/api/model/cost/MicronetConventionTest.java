package dev.lathe.api.model.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.DynamicConvolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Embedding;
import dev.lathe.api.model.GatedLinearUnit;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.NodeAttributes;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import org.junit.jupiter.api.Test;

/** The rules of papers/micronet.md (the winners' evaluation notebook), term by term. */
class MicronetConventionTest {

  private final CostConvention convention = CostConventions.micronet();

  @Test
  void denseFullPrecisionCountsMultipliesAdditionsAndOtherOperations() {
    CostReport r = convention.count(TinyNetworks.mobileBlock());
    assertEquals("ops", convention.operationsUnit());
    // conv: 27 products per output × 64 outputs, 26 additions per output
    assertEquals(27 * 64 + 26 * 64, r.node("conv").macs());
    assertEquals(0, r.node("bn").macs(), "folded into the convolution");
    assertEquals(5 * 64, r.node("act").macs(), "hswish: 5 operations per element");
    // squeeze: 15·4 additions + 4 divisions; fc 4→2: 8 mults, 3·2 + 2 additions; relu 2;
    // fc 2→4: 8 mults, 1·4 + 4 additions; hsigmoid 4·4; scaling 64 products
    assertEquals(64 + 8 + 8 + 2 + 8 + 8 + 16 + 64, r.node("se").macs());
    assertEquals(9 * 64 + 8 * 64, r.node("dw").macs());
    assertEquals(64, r.node("add").macs());
    assertEquals(15 * 4 + 4, r.node("pool").macs());
    assertEquals(0, r.node("flat").macs());
    assertEquals(40 + 3 * 10 + 10, r.node("fc").macs(), "in·out mults, (in − 1)·out + out adds");
    assertEquals(3392 + 320 + 178 + 1088 + 64 + 64 + 80, r.macs());
    assertEquals(108 + 22 + 36 + 50, r.params(), "no normalisation parameters");
    assertEquals(0, r.node("bn").params());
  }

  @Test
  void bitsScaleMultipliesAndSizeAndSparsityScalesWeightsAndAddsAMask() {
    Network n = TinyNetworks.mobileBlock().withAttributes(node -> switch (node.name()) {
      case "fc" -> new NodeAttributes(8, 8, 0.5);
      case "se" -> new NodeAttributes(32, 16, 0);
      case "conv" -> new NodeAttributes(4, 8, 0);
      default -> NodeAttributes.DEFAULT;
    });
    CostReport r = convention.count(n);
    // fc: 20 non-zero products at 8 bits = 5; 0.5·3·10 accumulations + 10 bias additions
    assertEquals(5 + 15 + 10, r.node("fc").macs());
    // size: 20 non-zero weights + 10 biases at 8 bits, plus one mask bit for each of 50
    assertEquals((20 + 10) * 8 / 32.0 + 50 / 32.0, r.node("fc").params());
    // se: weight products at max(32, 16) bits; the 64 activation products at 16 bits
    assertEquals(16 + 32 + 76 + 22, r.node("se").macs());
    // conv: weights at 4 bits, activations at 8: products at 8 bits
    assertEquals(1728 * 8 / 32.0 + 1664, r.node("conv").macs());
    assertEquals(108 * 4 / 32.0, r.node("conv").params(), "dense: no mask");
  }

  @Test
  void attentionFollowsTheNotebook() {
    Network n = Network.builder("lm").input("x", Shape.of(4, 8))
        .add("ln", Normalization.layer(8))
        .add("attn", MultiHeadAttention.self(8, 2).withHeadDim(3).withContext(5))
        .add("soft", Activation.SOFTMAX)
        .build();
    CostReport r = convention.count(n);
    assertEquals(6 * 32, r.node("ln").macs(), "6·dim per vector");
    // Q, K, V: 4 positions × (8·6 mults + 7·6 + 6 adds); out: 4 × (6·8 + 5·8 + 8)
    double projections = 3 * 4 * (48 + 42 + 6) + 4 * (48 + 40 + 8);
    // QKᵀ: 4·5·2·3 mults, 4·5·2·2 adds; softmax 2·4·(3·5 − 1); AV: 4·5·2·3 mults, 4·4·2·3 adds
    double products = 120 + 80 + 112 + 120 + 96;
    assertEquals(projections + products, r.node("attn").macs());
    assertEquals(4 * (3 * 8 - 1), r.node("soft").macs(), "3·dim − 1 per vector");
  }

  @Test
  void otherLayerKinds() {
    Network n = Network.builder("mix").input("tokens", Shape.of(6))
        .add("embed", new Embedding(20, 8))
        .add("dyn", DynamicConvolution.dynamic(8, 2, 3))
        .add("light", DynamicConvolution.lightweight(8, 2, 3).withBias(true))
        .add("glu", new GatedLinearUnit())
        .add("mul", Elementwise.MULTIPLY, "glu", "glu")
        .add("fc", Linear.of(4, 2).withBias(false))
        .build();
    CostReport r = convention.count(n);
    assertEquals(0, r.node("embed").macs());
    assertEquals(160, r.node("embed").params());
    // generator: 6 × (8·6 mults + 7·6 adds); softmax 6·2·(3·3 − 1); conv 6·8·3 + 6·8·2
    assertEquals(6 * (48 + 42) + 96 + 144 + 96, r.node("dyn").macs());
    // static kernels: 6·8·3 weight products, 6·8·2 accumulations, 6·8 bias additions
    assertEquals(144 + 96 + 48, r.node("light").macs());
    assertEquals(3 * 24 + 24, r.node("glu").macs(), "sigmoid (3) and a product per output");
    assertEquals(24, r.node("mul").macs());
    assertEquals(6 * (8 + 3 * 2), r.node("fc").macs());
    Network conv = Network.builder("pools").input("x", Shape.of(2, 4, 4))
        .add("max", Pooling.max(2))
        .add("relu6", Activation.RELU6)
        .add("in", Normalization.instance(2))
        .add("up", Convolution.conv2d(2, 1, 2).withStride(2).transpose())
        .build();
    CostReport c = convention.count(conv);
    assertEquals(3 * 8, c.node("max").macs(), "3 comparisons per output");
    assertEquals(2 * 8, c.node("relu6").macs());
    assertEquals(6 * 8, c.node("in").macs());
    // 8 inputs × 1 channel × 4 products = 32, onto 16 outputs: 16 additions, 16 bias additions
    assertEquals(32 + 16 + 16, c.node("up").macs());
  }
}
