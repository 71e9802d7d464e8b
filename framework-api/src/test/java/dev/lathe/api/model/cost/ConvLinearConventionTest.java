package dev.lathe.api.model.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.DynamicConvolution;
import dev.lathe.api.model.Embedding;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvLinearConventionTest {

  private final CostConvention convention = CostConventions.convLinear();

  @Test
  void onlyConvolutionsLinearLayersAndTheSqueezeExcitationCount() {
    CostReport r = convention.count(TinyNetworks.mobileBlock());
    assertEquals("conv-linear", r.convention());
    // conv: 4·4·4 outputs × 3 in × 9 = 1728; dw: 64 × 1 × 9 = 576; SE on 1×1: 2·4·2 = 16; fc: 40
    assertEquals(1728, r.node("conv").macs());
    assertEquals(16, r.node("se").macs());
    assertEquals(576, r.node("dw").macs());
    assertEquals(40, r.node("fc").macs());
    for (String zero : List.of("bn", "act", "add", "pool", "flat")) {
      assertEquals(0, r.node(zero).macs(), zero);
    }
    assertEquals(1728 + 16 + 576 + 40, r.macs());
    // params: conv 108, bn 8 (scale and shift), SE 16 + 2 + 4, dw 36, fc 40 + 10
    assertEquals(8, r.node("bn").params());
    assertEquals(22, r.node("se").params());
    assertEquals(108 + 8 + 22 + 36 + 50, r.params());
    assertEquals(9, r.nodes().size());
    assertEquals(Shape.of(4, 1, 1), r.node("pool").shape());
    assertEquals("conv2d", r.node("conv").kind());
  }

  @Test
  void transposedConvolutionsCountTheProductsTheyPerform() {
    Network up = Network.builder("up").input("x", Shape.of(8, 4, 4))
        .add("up", Convolution.conv2d(8, 2, 3).withStride(2).withPadding(1).transpose(1)
            .withBias(false))
        .build();
    assertEquals(Shape.of(2, 8, 8), up.node("up").shape());
    // every one of the 8·4·4 input elements meets 2 output channels × 9 kernel weights
    assertEquals(8 * 16 * 2 * 9, convention.count(up).macs());
  }

  @Test
  void attentionCountsItsProjectionsAndItsTwoProducts() {
    Network n = Network.builder("enc-dec")
        .input("source", Shape.of(5, 8)).input("target", Shape.of(3, 8))
        .add("self", MultiHeadAttention.self(8, 2), "target")
        .add("cross", MultiHeadAttention.cross(8, 2), "self", "source")
        .build();
    CostReport r = convention.count(n);
    // self: 4 projections × 3 positions × 8·8 + QKᵀ 3·3·8 + AV 3·3·8
    assertEquals(4 * 3 * 64 + 2 * 3 * 3 * 8, r.node("self").macs());
    // cross: Q and out over 3, K and V over 5 positions; products 3 queries × 5 keys × 8
    assertEquals(2 * 3 * 64 + 2 * 5 * 64 + 2 * 3 * 5 * 8, r.node("cross").macs());
    assertEquals(2 * (4 * 64 + 3 * 8 + 8), r.params());
  }

  @Test
  void cachedContextWidensTheProductsOnly() {
    Network n = Network.builder("xl").input("x", Shape.of(4, 8))
        .add("attn", MultiHeadAttention.self(8, 2).withHeadDim(3).withContext(10)).build();
    // projections: (Q, K, V over 4 positions) 3·4·8·6 + out 4·6·8; products 2·4·10·6
    assertEquals(3 * 4 * 8 * 6 + 4 * 6 * 8 + 2 * 4 * 10 * 6, convention.count(n).macs());
  }

  @Test
  void dynamicConvolutionCountsItsKernelGeneratorAndTheConvolution() {
    Network n = Network.builder("lite").input("x", Shape.of(6, 8))
        .add("dynamic", DynamicConvolution.dynamic(8, 2, 3))
        .add("light", DynamicConvolution.lightweight(8, 2, 3))
        .build();
    CostReport r = convention.count(n);
    assertEquals(6 * 8 * 2 * 3 + 6 * 8 * 3, r.node("dynamic").macs());
    assertEquals(6 * 8 * 3, r.node("light").macs());
    assertEquals(8 * 2 * 3 + 2 * 3, r.params());
  }

  @Test
  void embeddingsAndNormalisationsCountParametersButNoMacs() {
    Network n = Network.builder("embed").input("tokens", Shape.of(7))
        .add("embed", new Embedding(50, 4))
        .add("ln", Normalization.layer(4))
        .add("head", Linear.of(4, 50).withBias(false))
        .shareWeights("head", "embed")
        .build();
    CostReport r = convention.count(n);
    assertEquals(200 + 8, r.params(), "the head's weights are the embedding's");
    assertEquals(0, r.node("embed").macs());
    assertEquals(0, r.node("ln").macs());
    assertEquals(7 * 4 * 50, r.macs());
  }
}
