package dev.lathe.api.model.cost;

import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.DynamicConvolution;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Node;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.SqueezeExcitation;
import java.util.List;

/**
 * Once-for-All's count (arXiv:1908.09791): MACs of convolutions and linear layers only, a
 * squeeze-excitation's two layers on its 1×1 pooled map, attention as its projections and its
 * two matrix products; every stored parameter.
 */
final class ConvLinearConvention extends NodeByNodeConvention {

  @Override
  public String id() {
    return "conv-linear";
  }

  @Override
  public String description() {
    return "Once-for-All: MACs of convolutions, linear layers and attention products only"
        + " (squeeze-excitation on its 1×1 map); all parameters";
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

    @Override
    public Double convolution(Convolution c) {
      long kernel = Counts.kernelSize(c);
      return c.transposed()
          ? (double) in.elements() * (c.outChannels() / c.groups()) * kernel
          : (double) out.elements() * (c.inChannels() / c.groups()) * kernel;
    }

    @Override
    public Double linear(Linear l) {
      return (double) out.elements() * l.inFeatures();
    }

    @Override
    public Double squeezeExcitation(SqueezeExcitation se) {
      return 2.0 * se.channels() * se.reduced();
    }

    @Override
    public Double multiHeadAttention(MultiHeadAttention a) {
      return Counts.attentionProjections(a, inputs) + Counts.attentionProducts(a, inputs);
    }

    @Override
    public Double dynamicConvolution(DynamicConvolution d) {
      double positions = in.dim(0);
      double generator = d.dynamic() ? positions * d.channels() * d.heads() * d.kernel() : 0;
      return generator + positions * d.channels() * d.kernel();
    }
  }
}
