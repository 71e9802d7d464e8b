package dev.lathe.api.model.cost;

import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.DynamicConvolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Node;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.SqueezeExcitation;
import java.util.List;

/**
 * The count of torchprofile 0.0.2 ({@code profile_macs}), which GAN Compression
 * (arXiv:2003.08936) reports: every traced operator that has a handler counts, so besides
 * convolutions and matrix products also instance and layer normalisation (affine or not),
 * average pooling and element-wise products count the elements of their output; batch
 * normalisation (fused) and everything without a handler count nothing. Every stored parameter.
 */
final class TorchprofileConvention extends NodeByNodeConvention {

  @Override
  public String id() {
    return "torchprofile";
  }

  @Override
  public String description() {
    return "GAN Compression (torchprofile 0.0.2): convolutions, matrix products, instance/layer"
        + " norm, average pooling and products count; all parameters";
  }

  @Override
  double parameters(Node node) {
    return node.parameters();
  }

  @Override
  double operations(Node node, List<Shape> inputs) {
    return node.layer().accept(new Macs(inputs.get(0), inputs, node.shape()));
  }

  /** The MACs of one node whose first input is {@code in} and output {@code out}. */
  private record Macs(Shape in, List<Shape> inputs, Shape out) implements MacCount {

    /**
     * {@code aten::_convolution}: output elements × the weight's input-channel axis × kernel.
     * The weight is {@code [out, in/g, k…]}, transposed {@code [in, out/g, k…]}; torchprofile
     * takes axis 1 as the input channels when axis 0 equals the output channels, else axis 0.
     */
    @Override
    public Double convolution(Convolution c) {
      int weightAxis0 = c.transposed() ? c.inChannels() : c.outChannels();
      int weightAxis1 = c.transposed() ? c.outChannels() / c.groups()
          : c.inChannels() / c.groups();
      int channels = c.outChannels() == weightAxis0 ? weightAxis1 : weightAxis0;
      return (double) out.elements() * channels * Counts.kernelSize(c);
    }

    /** {@code aten::linear}/{@code addmm}/{@code matmul}: output elements × input features. */
    @Override
    public Double linear(Linear l) {
      return (double) out.elements() * l.inFeatures();
    }

    /** Adaptive average pooling (C), two 1×1 convolutions (2·C·r), the product (input elements). */
    @Override
    public Double squeezeExcitation(SqueezeExcitation se) {
      return se.channels() + 2.0 * se.channels() * se.reduced() + in.elements();
    }

    /** Four projections ({@code linear}) and two batched products ({@code bmm}). */
    @Override
    public Double multiHeadAttention(MultiHeadAttention a) {
      return Counts.attentionProjections(a, inputs) + Counts.attentionProducts(a, inputs);
    }

    /** The kernel generator ({@code linear}, dynamic only) and the convolution as a {@code bmm}. */
    @Override
    public Double dynamicConvolution(DynamicConvolution d) {
      double positions = in.dim(0);
      double generator = d.dynamic() ? positions * d.heads() * d.kernel() * d.channels() : 0;
      return generator + positions * d.channels() * d.kernel();
    }

    /** Instance and layer norm: output elements; batch norm: 0 (fused). */
    @Override
    public Double normalization(Normalization n) {
      return n.type() == Normalization.Type.BATCH ? 0.0 : (double) out.elements();
    }

    /** Average pooling, local or adaptive: output elements; max pooling: 0. */
    @Override
    public Double pooling(Pooling p) {
      return p.type() == Pooling.Type.AVG ? (double) out.elements() : 0.0;
    }

    /** {@code aten::mul}: output elements per product of two; {@code aten::add}: 0. */
    @Override
    public Double elementwise(Elementwise e) {
      return e.operation() == Elementwise.Operation.MULTIPLY
          ? (double) (inputs.size() - 1) * out.elements() : 0.0;
    }
  }
}
