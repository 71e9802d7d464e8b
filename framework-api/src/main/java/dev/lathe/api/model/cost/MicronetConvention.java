package dev.lathe.api.model.cost;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Concat;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.DynamicConvolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Embedding;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.GatedLinearUnit;
import dev.lathe.api.model.LayerVisitor;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Node;
import dev.lathe.api.model.NodeAttributes;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Reshape;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.SqueezeExcitation;
import dev.lathe.api.model.TemporalShift;
import java.util.List;

/**
 * The MicroNet challenge's count as the winning language-model entry computes it
 * (arXiv:2005.07877, its evaluation notebook). Operations: multiplications scaled by their bit
 * width / 32, additions and other fp32 operations at 1 each; a linear map of {@code in → out}
 * costs {@code in·out} multiplications and {@code (in − 1)·out} additions, both scaled by the
 * weights' density, plus {@code out} for a bias. Size: non-zero weights and biases × bits / 32,
 * plus one mask bit per parameter of a pruned node; normalisation's scale and shift are folded
 * into the neighbouring layer and not counted.
 */
final class MicronetConvention extends NodeByNodeConvention {

  @Override
  public String id() {
    return "micronet";
  }

  @Override
  public String description() {
    return "MicroNet challenge: multiplications × bits/32 + additions + other fp32 operations;"
        + " size = non-zero parameters × bits/32 + mask bits";
  }

  @Override
  public String operationsUnit() {
    return "ops";
  }

  @Override
  double parameters(Node node) {
    NodeAttributes a = node.attributes();
    double stored = node.ownWeights() + node.layer().biases();
    double size = (node.ownWeights() * a.density() + node.layer().biases())
        * a.weightBits() / 32.0;
    return size + (a.sparsity() > 0 ? stored / 32.0 : 0);
  }

  @Override
  double operations(Node node, List<Shape> inputs) {
    Tally tally = new Tally(node.attributes(), inputs, node.shape());
    node.layer().accept(tally);
    NodeAttributes a = node.attributes();
    double weightBits = Math.max(a.weightBits(), a.activationBits());
    return tally.weightMultiplies * weightBits / 32.0
        + tally.activationMultiplies * a.activationBits() / 32.0
        + tally.additions + tally.others;
  }

  /** The other fp32 operations per element of each element-wise activation. */
  private static int perElement(Activation.Function f) {
    return switch (f) {
      case RELU, TANH -> 1;
      case RELU6 -> 2;
      case SIGMOID -> 3;
      case HSIGMOID, SWISH -> 4;
      case HSWISH, GELU -> 5;
      case SOFTMAX -> throw new IllegalArgumentException("softmax is not element-wise");
    };
  }

  /** The operations of one node, by kind. */
  private static final class Tally implements LayerVisitor<Void> {

    private final double density;
    private final List<Shape> inputs;
    private final Shape in;
    private final Shape out;
    double weightMultiplies;
    double activationMultiplies;
    double additions;
    double others;

    Tally(NodeAttributes attributes, List<Shape> inputs, Shape out) {
      this.density = attributes.density();
      this.inputs = inputs;
      this.in = inputs.get(0);
      this.out = out;
    }

    /** A weight matrix {@code in → out} applied at {@code positions} positions. */
    private void linearMap(double inFeatures, double outFeatures, double positions,
        boolean bias) {
      weightMultiplies += density * inFeatures * outFeatures * positions;
      additions += density * (inFeatures - 1) * outFeatures * positions
          + (bias ? outFeatures * positions : 0);
    }

    @Override
    public Void convolution(Convolution c) {
      double outputs = out.elements();
      if (c.transposed()) {
        double products = (double) in.elements() * (c.outChannels() / c.groups())
            * Counts.kernelSize(c);
        weightMultiplies += density * products;
        additions += density * Math.max(0, products - outputs) + (c.bias() ? outputs : 0);
      } else {
        linearMap((double) (c.inChannels() / c.groups()) * Counts.kernelSize(c), 1, outputs,
            c.bias());
      }
      return null;
    }

    @Override
    public Void linear(Linear l) {
      linearMap(l.inFeatures(), l.outFeatures(), (double) in.elements() / l.inFeatures(),
          l.bias());
      return null;
    }

    @Override
    public Void embedding(Embedding e) {
      return null;
    }

    @Override
    public Void normalization(Normalization n) {
      if (n.type() != Normalization.Type.BATCH) {
        others += 6.0 * out.elements();
      }
      return null;
    }

    @Override
    public Void activation(Activation a) {
      if (a.function() == Activation.Function.SOFTMAX) {
        double length = out.dim(-1);
        others += (double) out.elements() / length * (3 * length - 1);
      } else {
        others += (double) perElement(a.function()) * out.elements();
      }
      return null;
    }

    @Override
    public Void pooling(Pooling p) {
      double window = 1;
      for (int k : p.window(in)) {
        window *= k;
      }
      double outputs = out.elements();
      if (p.type() == Pooling.Type.AVG) {
        additions += (window - 1) * outputs;
        others += outputs;
      } else {
        others += (window - 1) * outputs;
      }
      return null;
    }

    @Override
    public Void squeezeExcitation(SqueezeExcitation se) {
      double channels = se.channels();
      double extent = (double) in.elements() / se.channels();
      additions += (extent - 1) * channels;
      others += channels;
      linearMap(channels, se.reduced(), 1, se.bias());
      others += (double) perElement(se.inner()) * se.reduced();
      linearMap(se.reduced(), channels, 1, se.bias());
      others += perElement(se.gate()) * channels;
      activationMultiplies += in.elements();
      return null;
    }

    @Override
    public Void multiHeadAttention(MultiHeadAttention a) {
      double queries = in.dim(0);
      double keyPositions = a.keyPositions(inputs);
      double keys = a.keys(inputs);
      double heads = a.heads();
      double headDim = a.headDim();
      linearMap(a.modelDim(), a.innerDim(), queries, a.bias());
      linearMap(a.modelDim(), a.innerDim(), keyPositions, a.bias());
      linearMap(a.modelDim(), a.innerDim(), keyPositions, a.bias());
      activationMultiplies += queries * keys * heads * headDim;
      additions += queries * keys * heads * (headDim - 1);
      others += heads * queries * (3 * keys - 1);
      activationMultiplies += queries * keys * heads * headDim;
      additions += queries * (keys - 1) * heads * headDim;
      linearMap(a.innerDim(), a.modelDim(), queries, a.bias());
      return null;
    }

    @Override
    public Void dynamicConvolution(DynamicConvolution d) {
      double positions = in.dim(0);
      double channels = d.channels();
      double kernel = d.kernel();
      if (d.dynamic()) {
        linearMap(channels, d.heads() * kernel, positions, false);
        others += positions * d.heads() * (3 * kernel - 1);
        activationMultiplies += positions * channels * kernel;
        additions += positions * channels * (kernel - 1);
      } else {
        weightMultiplies += density * positions * channels * kernel;
        additions += density * positions * channels * (kernel - 1);
      }
      additions += d.bias() ? positions * channels : 0;
      return null;
    }

    @Override
    public Void elementwise(Elementwise e) {
      double count = (double) (inputs.size() - 1) * out.elements();
      if (e.operation() == Elementwise.Operation.ADD) {
        additions += count;
      } else {
        activationMultiplies += count;
      }
      return null;
    }

    @Override
    public Void gatedLinearUnit(GatedLinearUnit g) {
      others += (double) perElement(Activation.Function.SIGMOID) * out.elements();
      activationMultiplies += out.elements();
      return null;
    }

    @Override
    public Void concat(Concat c) {
      return null;
    }

    @Override
    public Void reshape(Reshape r) {
      return null;
    }

    @Override
    public Void flatten(Flatten f) {
      return null;
    }

    @Override
    public Void temporalShift(TemporalShift t) {
      return null;
    }
  }
}
