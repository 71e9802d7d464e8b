package dev.lathe.api.model.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.DynamicConvolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.GatedLinearUnit;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.TemporalShift;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TorchprofileConventionTest {

  private final CostConvention convention = CostConventions.torchprofile();

  @Test
  void handledOperatorsCountTheirOutputBeyondConvolutionsAndLinearLayers() {
    CostReport r = convention.count(TinyNetworks.mobileBlock());
    assertEquals(1728, r.node("conv").macs());
    assertEquals(0, r.node("bn").macs(), "batch norm is fused");
    assertEquals(0, r.node("act").macs());
    // adaptive avg pool 4 + two 1×1 convolutions 2·4·2 + the product with the input 64
    assertEquals(4 + 16 + 64, r.node("se").macs());
    assertEquals(576, r.node("dw").macs());
    assertEquals(0, r.node("add").macs());
    assertEquals(4, r.node("pool").macs(), "average pooling counts its outputs");
    assertEquals(40, r.node("fc").macs());
    assertEquals(1728 + 84 + 576 + 4 + 40, r.macs());
    assertEquals(224, r.params());
  }

  @Test
  void instanceNormCountsItsOutputAffineOrNotAndMaxPoolingNothing() {
    Network n = Network.builder("norms").input("x", Shape.of(4, 6, 6))
        .add("in", Normalization.instance(4))
        .add("in-affine", Normalization.instance(4).withAffine(true))
        .add("max", Pooling.max(2))
        .add("avg", Pooling.avg(3))
        .add("shift", new TemporalShift(2))
        .add("mul", Elementwise.MULTIPLY, "shift", "shift", "shift")
        .build();
    CostReport r = convention.count(n);
    assertEquals(144, r.node("in").macs());
    assertEquals(144, r.node("in-affine").macs());
    assertEquals(0, r.node("max").macs());
    assertEquals(4, r.node("avg").macs(), "[4, 3, 3] → [4, 1, 1]");
    assertEquals(0, r.node("shift").macs());
    assertEquals(2 * 4, r.node("mul").macs(), "two products of 4 elements");
    assertEquals(8, r.params());
  }

  @Test
  void transposedConvolutionCountsOutputElementsTimesTheWeightsInputAxis() {
    Network n = Network.builder("up").input("x", Shape.of(8, 4, 4))
        .add("up", Convolution.conv2d(8, 2, 3).withStride(2).withPadding(1).transpose(1))
        .add("same", Convolution.conv2d(2, 2, 3).withPadding(1).transpose().withGroups(2))
        .build();
    CostReport r = convention.count(n);
    // weight [8, 2, 3, 3]; out channels 2 ≠ 8, so torchprofile reads 8: 2·8·8 × 8 × 9
    assertEquals(128 * 8 * 9, r.node("up").macs());
    // weight [2, 1, 3, 3]; out channels 2 = axis 0, so it reads axis 1 = 1: 2·8·8 × 1 × 9
    assertEquals(128 * 9, r.node("same").macs());
  }

  @Test
  void sequenceLayers() {
    Network n = Network.builder("seq").input("x", Shape.of(6, 8))
        .add("attn", MultiHeadAttention.self(8, 2))
        .add("ln", Normalization.layer(8))
        .add("dyn", DynamicConvolution.dynamic(8, 2, 3))
        .add("glu", new GatedLinearUnit())
        .add("soft", Activation.SOFTMAX)
        .build();
    CostReport r = convention.count(n);
    assertEquals(4 * 6 * 64 + 2 * 6 * 6 * 8, r.node("attn").macs());
    assertEquals(48, r.node("ln").macs());
    assertEquals(6 * 2 * 3 * 8 + 6 * 8 * 3, r.node("dyn").macs());
    assertEquals(0, r.node("glu").macs());
    assertEquals(0, r.node("soft").macs());
  }

  /**
   * The arithmetic anchor of GAN Compression (arXiv:2003.08936, papers/gan-compression.md): the
   * original CycleGAN ResNet-9 generator (ngf 64) at 256×256 has 11.378M parameters and
   * 56.83G MACs under torchprofile. Reflection padding is modelled as the convolutions' zero
   * padding: same shapes, and padding counts nothing.
   */
  @Test
  void cycleGanResnetGeneratorMatchesGanCompression() {
    Network.Builder b = Network.builder("resnet9-generator").input("image", Shape.of(3, 256, 256))
        .add("stem", Convolution.conv2d(3, 64, 7).withPadding(3))
        .add("stem.norm", Normalization.instance(64)).add("stem.relu", Activation.RELU);
    int channels = 64;
    for (int i = 0; i < 2; i++) {
      b.add("down" + i, Convolution.conv2d(channels, 2 * channels, 3).withStride(2).withPadding(1))
          .add("down" + i + ".norm", Normalization.instance(2 * channels))
          .add("down" + i + ".relu", Activation.RELU);
      channels *= 2;
    }
    for (int i = 0; i < 9; i++) {
      String in = b.last();
      b.add("block" + i + ".conv1", Convolution.conv2d(256, 256, 3).withPadding(1))
          .add("block" + i + ".norm1", Normalization.instance(256))
          .add("block" + i + ".relu", Activation.RELU)
          .add("block" + i + ".conv2", Convolution.conv2d(256, 256, 3).withPadding(1))
          .add("block" + i + ".norm2", Normalization.instance(256))
          .add("block" + i + ".add", Elementwise.ADD, b.last(), in);
    }
    for (int i = 0; i < 2; i++) {
      b.add("up" + i, Convolution.conv2d(channels, channels / 2, 3).withStride(2).withPadding(1)
              .transpose(1))
          .add("up" + i + ".norm", Normalization.instance(channels / 2))
          .add("up" + i + ".relu", Activation.RELU);
      channels /= 2;
    }
    Network generator = b.add("head", Convolution.conv2d(64, 3, 7).withPadding(3))
        .add("tanh", Activation.TANH).build();
    assertEquals(Shape.of(3, 256, 256), generator.node("tanh").shape());
    CostReport r = convention.count(generator);
    assertEquals(11_378_179, r.params());
    assertEquals(56_831_770_624.0, r.macs());
    assertEquals("11.378M params, 56.83G MACs", String.format(Locale.ROOT,
        "%.3fM params, %.2fG MACs", r.params() / 1e6, r.macs() / 1e9));
  }
}
