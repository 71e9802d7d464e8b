package dev.lathe.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Output shapes, parameter counts and attribute checks of every layer kind. */
class LayersTest {

  private static Shape out(Layer layer, Shape... inputs) {
    return layer.outputShape(List.of(inputs));
  }

  private static String refusal(Layer layer, Shape... inputs) {
    return assertThrows(IllegalArgumentException.class, () -> out(layer, inputs)).getMessage();
  }

  @Test
  void convolutionShapesFollowPyTorch() {
    Convolution c = Convolution.conv2d(3, 16, 3).withStride(2).withPadding(1).withBias(false);
    assertEquals(Shape.of(16, 112, 112), out(c, Shape.of(3, 224, 224)));
    assertEquals(Shape.of(16, 113, 113), out(c, Shape.of(3, 225, 225)), "(R + 1) // 2");
    assertEquals(432, c.weights());
    assertEquals(0, c.biases());
    assertEquals("conv2d 3→16 k3 s2 p1", c.describe());
    Convolution dilated = Convolution.conv2d(8, 8, 3).withDilation(2).withSamePadding();
    assertEquals(List.of(2, 2), dilated.padding());
    assertEquals(Shape.of(8, 10, 10), out(dilated, Shape.of(8, 10, 10)));
    Convolution rect = Convolution.conv2d(4, 6, 1, 5).withPadding(0, 2);
    assertEquals(Shape.of(6, 7, 9), out(rect, Shape.of(4, 7, 9)));
    assertEquals(4 * 6 * 5 + 6, rect.parameters());
    assertEquals("conv2d 4→6 k1x5 p0x2 +bias", rect.describe());
  }

  @Test
  void depthwiseGroupedAndOtherRanks() {
    Convolution dw = Convolution.conv2d(32, 32, 5).depthwise().withBias(false);
    assertEquals(32 * 25, dw.weights());
    assertEquals("conv2d 32→32 k5 depthwise", dw.describe());
    Convolution grouped = Convolution.conv2d(32, 64, 3).withGroups(4).withBias(false);
    assertEquals(32 * 16 * 9, grouped.weights());
    assertEquals(Shape.of(5, 98), out(Convolution.conv1d(2, 5, 3), Shape.of(2, 100)));
    assertEquals(Shape.of(7, 8, 28, 28),
        out(Convolution.conv3d(3, 7, 1, 3, 3).withPadding(0, 1, 1), Shape.of(3, 8, 28, 28)));
  }

  @Test
  void transposedConvolutionUndoesAStridedOne() {
    Convolution up = Convolution.conv2d(256, 128, 3).withStride(2).withPadding(1).transpose(1);
    assertEquals(Shape.of(128, 128, 128), out(up, Shape.of(256, 64, 64)));
    assertEquals(256 * 128 * 9 + 128, up.parameters());
    assertEquals("conv-transpose2d", up.kind());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Convolution.conv2d(4, 4, 3).withStride(2).transpose(2)).getMessage()
        .contains("output padding [2, 2] must be below the stride [2, 2]"));
  }

  @Test
  void convolutionRefusalsSayWhatDoesNotFit() {
    Convolution c = Convolution.conv2d(24, 40, 5);
    assertEquals("expects 24 input channels, got [40, 56, 56]", refusal(c, Shape.of(40, 56, 56)));
    assertEquals("expects a rank-3 input [C, H, W], got [24, 56]", refusal(c, Shape.of(24, 56)));
    assertEquals("gives no valid output size on axis 1 of [24, 3, 3] (size -1)",
        refusal(c, Shape.of(24, 3, 3)));
    assertEquals("conv2d: groups 3 must divide both 16 input and 16 output channels",
        assertThrows(IllegalArgumentException.class,
            () -> Convolution.conv2d(16, 16, 3).withGroups(3)).getMessage());
    assertEquals("conv2d: kernel [3, 3, 3] needs 1 or 2 values",
        assertThrows(IllegalArgumentException.class,
            () -> Convolution.conv2d(1, 1, 3, 3, 3)).getMessage());
    assertEquals("convolution: spatial rank 4 is not 1, 2 or 3",
        assertThrows(IllegalArgumentException.class, () -> new Convolution(4, 1, 1,
            List.of(1), List.of(1), List.of(0), List.of(1), 1, false, false, List.of(0)))
            .getMessage());
  }

  @Test
  void linearAndEmbeddingWorkOnTheLastAxis() {
    assertEquals(Shape.of(30, 2048), out(Linear.of(512, 2048), Shape.of(30, 512)));
    assertEquals(512 * 2048 + 2048, Linear.of(512, 2048).parameters());
    assertEquals(0, Linear.of(4, 4).withBias(false).biases());
    assertEquals("expects 512 features on the last axis, got [30, 256]",
        refusal(Linear.of(512, 10), Shape.of(30, 256)));
    Embedding e = new Embedding(37_000, 512);
    assertEquals(Shape.of(30, 512), out(e, Shape.of(30)));
    assertEquals(18_944_000, e.weights());
  }

  @Test
  void normalisationsCheckTheirAxisAndCountScaleAndShift() {
    assertEquals(32, Normalization.batch(16).parameters());
    assertEquals(0, Normalization.instance(16).parameters());
    assertEquals(32, Normalization.instance(16).withAffine(true).parameters());
    assertEquals(Shape.of(30, 512), out(Normalization.layer(512), Shape.of(30, 512)));
    assertEquals("expects 16 channels on axis 0, got [8, 4, 4]",
        refusal(Normalization.batch(16), Shape.of(8, 4, 4)));
    assertEquals("expects [16, …] with at least one spatial axis, got [16]",
        refusal(Normalization.instance(16), Shape.of(16)));
    assertEquals("expects 512 features on the last axis, got [512, 30]",
        refusal(Normalization.layer(512), Shape.of(512, 30)));
    assertEquals("layer-norm 512 affine", Normalization.layer(512).describe());
  }

  @Test
  void activationsKeepTheShape() {
    for (Activation.Function f : Activation.Function.values()) {
      Activation a = new Activation(f);
      assertEquals(Shape.of(4, 5), out(a, Shape.of(4, 5)));
      assertEquals(0, a.parameters());
      assertEquals(f.label(), a.kind());
    }
    assertEquals("hswish", Activation.HSWISH.kind());
  }

  @Test
  void poolingLocalAndGlobal() {
    Pooling max = Pooling.max(3).withStride(2).withPadding(1);
    assertEquals(Shape.of(64, 56, 56), out(max, Shape.of(64, 112, 112)));
    assertEquals("max-pool k3 s2 p1", max.describe());
    assertEquals(Shape.of(960, 1, 1), out(Pooling.globalAvg(), Shape.of(960, 7, 7)));
    assertEquals(List.of(7, 7), Pooling.globalAvg().window(Shape.of(960, 7, 7)));
    assertEquals(Shape.of(8, 5), out(Pooling.avg(2), Shape.of(8, 11)));
    assertEquals(Shape.of(8, 2, 5, 5), out(Pooling.avg(1, 2, 2), Shape.of(8, 2, 10, 10)));
    assertEquals("expects [C, …] with at least one spatial axis, got [8]",
        refusal(Pooling.globalMax(), Shape.of(8)));
    assertEquals("has 2 kernel sizes for the 1 spatial axes of [8, 11]",
        refusal(Pooling.avg(2, 2), Shape.of(8, 11)));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Pooling.max(2).withPadding(2)).getMessage().contains("padding at most half"));
  }

  @Test
  void squeezeExcitationCountsItsTwoLayers() {
    SqueezeExcitation se = SqueezeExcitation.of(72, 24).withGate(Activation.Function.HSIGMOID);
    assertEquals(2 * 72 * 24, se.weights());
    assertEquals(72 + 24, se.biases());
    assertEquals(Shape.of(72, 28, 28), out(se, Shape.of(72, 28, 28)));
    assertEquals("squeeze-excitation 72→24→72 relu/hsigmoid", se.describe());
    assertEquals("expects [72, …] with at least one spatial axis, got [40, 28, 28]",
        refusal(se, Shape.of(40, 28, 28)));
  }

  @Test
  void attentionSelfCrossAndCachedContext() {
    MultiHeadAttention self = MultiHeadAttention.self(512, 8);
    assertEquals(64, self.headDim());
    assertEquals(4 * (512 * 512 + 512), self.parameters());
    assertEquals(Shape.of(30, 512), out(self, Shape.of(30, 512)));
    assertEquals(30, self.keys(List.of(Shape.of(30, 512))));
    MultiHeadAttention cross = MultiHeadAttention.cross(512, 8);
    assertEquals(2, cross.minInputs());
    assertEquals(Shape.of(7, 512), out(cross, Shape.of(7, 512), Shape.of(30, 512)));
    assertEquals(30, cross.keys(List.of(Shape.of(7, 512), Shape.of(30, 512))));
    MultiHeadAttention cached = MultiHeadAttention.self(256, 8).withHeadDim(24).withContext(97);
    assertEquals(97, cached.keys(List.of(Shape.of(96, 256))));
    assertEquals(96, cached.keyPositions(List.of(Shape.of(96, 256))));
    assertEquals(4L * 256 * 192 + 3 * 192 + 256, cached.parameters());
    assertEquals("self-attention d256 h8 dk24 context 97 +bias", cached.describe());
    assertEquals("expects sequences [T, 512], got [[30, 256]]", refusal(self, Shape.of(30, 256)));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> MultiHeadAttention.self(100, 8)).getMessage().contains("8 heads do not divide"));
  }

  @Test
  void dynamicAndLightweightConvolutions() {
    DynamicConvolution dynamic = DynamicConvolution.dynamic(256, 4, 7).withCausal(true);
    assertEquals(256 * 4 * 7, dynamic.weights());
    assertEquals(Shape.of(30, 256), out(dynamic, Shape.of(30, 256)));
    assertEquals("dynamic-conv 256 h4 k7 causal", dynamic.describe());
    DynamicConvolution light = DynamicConvolution.lightweight(256, 4, 7).withBias(true);
    assertEquals(4 * 7 + 256, light.parameters());
    assertEquals("expects a sequence [T, 256], got [30, 128]", refusal(light, Shape.of(30, 128)));
    assertThrows(IllegalArgumentException.class, () -> DynamicConvolution.dynamic(10, 4, 3));
  }

  @Test
  void elementwiseConcatReshapeFlattenShiftAndGlu() {
    assertEquals(Shape.of(4, 8, 8),
        out(Elementwise.ADD, Shape.of(4, 8, 8), Shape.of(4, 8, 8), Shape.of(4, 8, 8)));
    assertEquals("expects inputs of one shape, got [[4, 8, 8], [4, 4, 4]]",
        refusal(Elementwise.MULTIPLY, Shape.of(4, 8, 8), Shape.of(4, 4, 4)));
    assertEquals(Shape.of(12, 8, 8), out(new Concat(0), Shape.of(4, 8, 8), Shape.of(8, 8, 8)));
    assertEquals(Shape.of(30, 512), out(new Concat(-1), Shape.of(30, 256), Shape.of(30, 256)));
    assertEquals("expects inputs that differ on axis 0 only, got [[4, 8, 8], [4, 8, 7]]",
        refusal(new Concat(0), Shape.of(4, 8, 8), Shape.of(4, 8, 7)));
    assertEquals("axis 3 is outside the rank of [4, 8, 8]",
        refusal(new Concat(3), Shape.of(4, 8, 8), Shape.of(4, 8, 8)));
    assertEquals(Shape.of(16, 16), out(Reshape.to(16, 16), Shape.of(4, 8, 8)));
    assertEquals("cannot make [16, 15] (240 elements) of [4, 8, 8] (256 elements)",
        refusal(Reshape.to(16, 15), Shape.of(4, 8, 8)));
    assertEquals(Shape.of(256), out(new Flatten(), Shape.of(4, 8, 8)));
    assertEquals(Shape.of(64, 8, 56, 56), out(new TemporalShift(8), Shape.of(64, 8, 56, 56)));
    assertEquals("expects a clip [C, T, …], got [64]", refusal(new TemporalShift(8), Shape.of(64)));
    assertEquals(Shape.of(30, 256), out(new GatedLinearUnit(), Shape.of(30, 512)));
    assertEquals("expects an even size on the last axis, got [30, 511]",
        refusal(new GatedLinearUnit(), Shape.of(30, 511)));
  }
}
