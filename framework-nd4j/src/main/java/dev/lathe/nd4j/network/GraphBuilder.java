package dev.lathe.nd4j.network;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Concat;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.DynamicConvolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Embedding;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.GatedLinearUnit;
import dev.lathe.api.model.Layer;
import dev.lathe.api.model.LayerVisitor;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Node;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Reshape;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.SqueezeExcitation;
import dev.lathe.api.model.TemporalShift;
import dev.lathe.nd4j.internal.Nd4jAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.IntStream;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the SameDiff graph of a {@link Network}, node by node in the network's order. Every
 * node is built once in training mode under its own name; a node whose result depends on the
 * mode (batch normalisation, and every node after one) is built a second time in inference mode
 * under {@code NODE/inference}, on the same parameter variables. The operations of a node are
 * named in the node's scope, {@code NODE/...}.
 */
final class GraphBuilder {

  static {
    Nd4jAccess.open();
  }

  /** Added to the scale of quantised activations, so that an all-zero batch stays zero. */
  static final double QUANTIZATION_EPSILON = 1e-12;

  /** The suffix of a node's inference-mode variable. */
  static final String INFERENCE = "/inference";

  /** Added to the attention scores of masked keys, times −1. */
  static final double MASKED = 1e9;

  private enum Mode {
    /** Batch normalisation uses and updates batch statistics. */
    TRAINING,
    /** Batch normalisation uses the running statistics. */
    INFERENCE,
    /** The node does not depend on the mode. */
    BOTH
  }

  private final Network network;
  private final SameDiff graph;
  private final long seed;
  private final Map<String, SDVariable> training = new LinkedHashMap<>();
  private final Map<String, SDVariable> inference = new LinkedHashMap<>();
  private final Map<String, Map<String, SDVariable>> parameters = new LinkedHashMap<>();
  private final List<RunningStatistics.Entry> statistics = new ArrayList<>();
  private final List<String> memoryNodes = new ArrayList<>();

  GraphBuilder(Network network, SameDiff graph, long seed) {
    this.network = network;
    this.graph = graph;
    this.seed = seed;
  }

  /** Builds every input and node. */
  void build() {
    network.inputs().forEach((name, shape) -> {
      SDVariable input = graph.placeHolder(name, DataType.FLOAT, batched(shape));
      training.put(name, input);
      inference.put(name, input);
    });
    for (Node node : network.nodes()) {
      List<SDVariable> trainingInputs = node.inputs().stream().map(training::get).toList();
      List<SDVariable> inferenceInputs = node.inputs().stream().map(inference::get).toList();
      boolean modal = isBatchNorm(node.layer()) || !sameVariables(trainingInputs, inferenceInputs);
      SDVariable trained = build(node, trainingInputs, modal ? Mode.TRAINING : Mode.BOTH,
          node.name());
      training.put(node.name(), trained);
      inference.put(node.name(), modal
          ? build(node, inferenceInputs, Mode.INFERENCE, node.name() + INFERENCE) : trained);
    }
  }

  /** The training-mode variable of each input and node, by name. */
  Map<String, SDVariable> trainingVariables() {
    return training;
  }

  /** The inference-mode variable of each input and node, by name. */
  Map<String, SDVariable> inferenceVariables() {
    return inference;
  }

  /** The attention nodes with a segment memory, in the network's order. */
  List<String> memoryNodes() {
    return memoryNodes;
  }

  /** The batch normalisations' running statistics and the variables that update them. */
  List<RunningStatistics.Entry> statistics() {
    return statistics;
  }

  private SDVariable build(Node node, List<SDVariable> inputs, Mode mode, String name) {
    Map<String, SDVariable> own = parameters.computeIfAbsent(node.name(),
        n -> node.layer().accept(new ParameterFactory(node)));
    SDVariable out;
    try (NameScope scope = graph.withNameScope(name)) {
      out = node.layer().accept(new NodeOps(node, inputs, own, mode, name));
      int bits = node.attributes().activationBits();
      if (bits < 32) {
        out = fakeQuantize(out, bits);
      }
    }
    if (graph.hasVariable(name)) {
      throw new IllegalArgumentException("network '" + network.name() + "': node '" + node.name()
          + "' cannot be named '" + name + "' in the graph: a parameter or another node's"
          + " variable has that name");
    }
    return out.rename(name);
  }

  /**
   * {@code x} quantised symmetrically to {@code bits} bits with the scale of its largest
   * magnitude in the batch ({@code max|x| / (2^(bits−1) − 1)}), the gradient passing straight
   * through: {@code x + stopGradient(q(x) − x)}.
   */
  private SDVariable fakeQuantize(SDVariable x, int bits) {
    double levels = (1L << (bits - 1)) - 1;
    SDVariable scale = graph.math().abs(x).max().div(levels).add(QUANTIZATION_EPSILON);
    SDVariable quantized = graph.math().round(x.div(scale)).mul(scale);
    return x.add(new StopGradient(graph, quantized.sub(x)).outputVariable());
  }

  private static boolean isBatchNorm(Layer layer) {
    return layer instanceof Normalization n && n.type() == Normalization.Type.BATCH;
  }

  private static boolean sameVariables(List<SDVariable> a, List<SDVariable> b) {
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  private IllegalArgumentException unsupported(Node node, String what) {
    return new IllegalArgumentException("network '" + network.name() + "': node '" + node.name()
        + "' (" + node.layer().describe() + "): " + what
        + " is not supported by the SameDiff bridge");
  }

  /** {@code [-1, dims…]}: a shape with the batch in front. */
  private static long[] batched(Shape shape) {
    long[] dims = new long[shape.rank() + 1];
    dims[0] = -1;
    for (int i = 0; i < shape.rank(); i++) {
      dims[i + 1] = shape.dim(i);
    }
    return dims;
  }

  /**
   * Creates a node's parameters: trainable variables (weights, biases, affine parameters) and,
   * for batch normalisation, its running statistics as constants.
   */
  private final class ParameterFactory implements LayerVisitor<Map<String, SDVariable>> {

    private final Node node;
    private final Map<String, SDVariable> created = new LinkedHashMap<>();

    ParameterFactory(Node node) {
      this.node = node;
    }

    private void variable(String parameter, INDArray values) {
      String name = node.name() + "/" + parameter;
      if (graph.hasVariable(name)) {
        throw new IllegalArgumentException("network '" + network.name() + "': parameter '"
            + name + "' of node '" + node.name() + "' has the name of another variable");
      }
      created.put(parameter, graph.var(name, values));
    }

    private void weight(String parameter, INDArray values) {
      if (node.sharesWeightsWith().isEmpty()) {
        variable(parameter, values);
        return;
      }
      String owner = node.sharesWeightsWith().get();
      SDVariable shared = parameters.get(owner).get("weight");
      if (shared == null || !Arrays.equals(shared.getShape(), values.shape())) {
        throw new IllegalArgumentException("network '" + network.name() + "': node '"
            + node.name() + "' shares the weights of '" + owner + "', whose weight "
            + (shared == null ? "is not one tensor" : Arrays.toString(shared.getShape()))
            + " does not have this node's weight shape " + Arrays.toString(values.shape()));
      }
      created.put(parameter, shared);
    }

    private void bias(String parameter, long size) {
      variable(parameter, Initialisers.filled(0, size));
    }

    private Map<String, SDVariable> linear(String prefix, long in, long out, boolean bias) {
      weight(prefix + "weight", Initialisers.xavierUniform(seed, node.name() + "/" + prefix
          + "weight", in, out, out, in));
      if (bias) {
        bias(prefix + "bias", out);
      }
      return created;
    }

    @Override
    public Map<String, SDVariable> convolution(Convolution layer) {
      long[] shape = new long[layer.spatialRank() + 2];
      shape[0] = layer.outChannels();
      shape[1] = layer.inChannels() / layer.groups();
      long fanIn = shape[1];
      for (int i = 0; i < layer.spatialRank(); i++) {
        shape[i + 2] = layer.kernel().get(i);
        fanIn *= layer.kernel().get(i);
      }
      weight("weight", Initialisers.heNormal(seed, node.name() + "/weight", fanIn, shape));
      if (layer.bias()) {
        bias("bias", layer.outChannels());
      }
      return created;
    }

    @Override
    public Map<String, SDVariable> linear(Linear layer) {
      return linear("", layer.inFeatures(), layer.outFeatures(), layer.bias());
    }

    @Override
    public Map<String, SDVariable> embedding(Embedding layer) {
      weight("weight", Initialisers.normal(seed, node.name() + "/weight",
          1 / Math.sqrt(layer.dim()), layer.vocabulary(), layer.dim()));
      return created;
    }

    @Override
    public Map<String, SDVariable> normalization(Normalization layer) {
      if (layer.affine()) {
        variable("weight", Initialisers.filled(1, layer.features()));
        variable("bias", Initialisers.filled(0, layer.features()));
      }
      if (layer.type() == Normalization.Type.BATCH) {
        created.put("running_mean", graph.constant(node.name() + "/running_mean",
            Initialisers.filled(0, layer.features())));
        created.put("running_var", graph.constant(node.name() + "/running_var",
            Initialisers.filled(1, layer.features())));
      }
      return created;
    }

    @Override
    public Map<String, SDVariable> squeezeExcitation(SqueezeExcitation layer) {
      linear("reduce/", layer.channels(), layer.reduced(), layer.bias());
      return linear("expand/", layer.reduced(), layer.channels(), layer.bias());
    }

    @Override
    public Map<String, SDVariable> multiHeadAttention(MultiHeadAttention layer) {
      for (String projection : List.of("q/", "k/", "v/")) {
        linear(projection, layer.modelDim(), layer.innerDim(), layer.bias());
      }
      linear("out/", layer.innerDim(), layer.modelDim(), layer.bias());
      if (layer.contextLength() > 1 && !layer.cross()) {
        int context = layer.contextLength();
        variable(SegmentMemory.POSITION, Initialisers.normal(seed, node.name() + "/"
            + SegmentMemory.POSITION, 1 / Math.sqrt(layer.headDim()), context,
            layer.headDim()));
        long[] kv = {-1, layer.heads(), context - 1, layer.headDim()};
        created.put(SegmentMemory.KEYS, graph.placeHolder(node.name() + "/"
            + SegmentMemory.KEYS, DataType.FLOAT, kv));
        created.put(SegmentMemory.VALUES, graph.placeHolder(node.name() + "/"
            + SegmentMemory.VALUES, DataType.FLOAT, kv));
        created.put(SegmentMemory.VALID, graph.placeHolder(node.name() + "/"
            + SegmentMemory.VALID, DataType.FLOAT, -1, context - 1));
        memoryNodes.add(node.name());
      }
      return created;
    }

    @Override
    public Map<String, SDVariable> activation(Activation layer) {
      return created;
    }

    @Override
    public Map<String, SDVariable> pooling(Pooling layer) {
      return created;
    }

    @Override
    public Map<String, SDVariable> dynamicConvolution(DynamicConvolution layer) {
      return created;
    }

    @Override
    public Map<String, SDVariable> elementwise(Elementwise layer) {
      return created;
    }

    @Override
    public Map<String, SDVariable> concat(Concat layer) {
      return created;
    }

    @Override
    public Map<String, SDVariable> reshape(Reshape layer) {
      return created;
    }

    @Override
    public Map<String, SDVariable> flatten(Flatten layer) {
      return created;
    }

    @Override
    public Map<String, SDVariable> temporalShift(TemporalShift layer) {
      return created;
    }

    @Override
    public Map<String, SDVariable> gatedLinearUnit(GatedLinearUnit layer) {
      return created;
    }
  }

  /** The operations of one node in one mode, on its input variables. */
  private final class NodeOps implements LayerVisitor<SDVariable> {

    private final Node node;
    private final List<SDVariable> inputs;
    private final List<Shape> shapes;
    private final Map<String, SDVariable> parameters;
    private final Mode mode;
    private final String name;

    NodeOps(Node node, List<SDVariable> inputs, Map<String, SDVariable> parameters, Mode mode,
        String name) {
      this.node = node;
      this.name = name;
      this.inputs = inputs;
      this.shapes = network.inputShapes(node);
      this.parameters = parameters;
      this.mode = mode;
    }

    private SDVariable x() {
      return inputs.get(0);
    }

    private Shape in() {
      return shapes.get(0);
    }

    @Override
    public SDVariable convolution(Convolution layer) {
      if (layer.transposed()) {
        throw unsupported(node, "layer kind '" + layer.kind() + "'");
      }
      SDVariable weight = parameters.get("weight");
      SDVariable bias = parameters.get("bias");
      return switch (layer.spatialRank()) {
        case 1 -> {
          // [N, C, L] as [N, C, 1, L], the kernel [out, in/g, k] as [out, in/g, 1, k].
          Convolution planar = new Convolution(2, layer.inChannels(), layer.outChannels(),
              List.of(1, layer.kernel().get(0)), List.of(1, layer.stride().get(0)),
              List.of(0, layer.padding().get(0)), List.of(1, layer.dilation().get(0)),
              layer.groups(), layer.bias(), false, List.of(0));
          SDVariable y = conv2d(planar, x().reshape(-1, layer.inChannels(), 1, in().dim(1)),
              weight.reshape(layer.outChannels(), layer.inChannels() / layer.groups(), 1,
                  layer.kernel().get(0)), bias);
          yield y.reshape(batched(node.shape()));
        }
        case 2 -> conv2d(layer, x(), weight, bias);
        default -> conv3d(layer, x(), weight, bias);
      };
    }

    /** A 2-d convolution with the kernel in PyTorch's layout {@code [out, in/g, kH, kW]}. */
    private SDVariable conv2d(Convolution layer, SDVariable x, SDVariable weight,
        SDVariable bias) {
      int groups = layer.groups();
      if (groups == 1) {
        return graph.cnn().conv2d(x, yxio(weight), bias, conv2dConfig(layer));
      }
      int in = layer.inChannels();
      int out = layer.outChannels();
      if (groups == in) {
        // Depthwise with multiplier m: output channel c·m + j reads input channel c, as in
        // PyTorch. ND4J's depthwise kernel is [kH, kW, in, m].
        int m = out / in;
        SDVariable kernel = weight.reshape(in, m, layer.kernel().get(0), layer.kernel().get(1))
            .permute(2, 3, 0, 1);
        return graph.cnn().depthWiseConv2d(x, kernel, bias, conv2dConfig(layer));
      }
      return grouped(layer, x, weight, bias,
          (xs, ws) -> graph.cnn().conv2d(xs, yxio(ws), conv2dConfig(layer)));
    }

    /**
     * A kernel {@code [out, in, kH, kW]} as {@code [kH, kW, in, out]}: ND4J 1.0.0-M2.1's
     * gradient of {@code conv2d} fails for kernels in PyTorch's layout.
     */
    private SDVariable yxio(SDVariable weight) {
      return weight.permute(2, 3, 1, 0);
    }

    private SDVariable conv3d(Convolution layer, SDVariable x, SDVariable weight,
        SDVariable bias) {
      BinaryOperator<SDVariable> conv = (xs, ws) -> graph.cnn().conv3d(xs,
          ws.permute(2, 3, 4, 1, 0), Conv3DConfig.builder()
              .kD(layer.kernel().get(0)).kH(layer.kernel().get(1)).kW(layer.kernel().get(2))
              .sD(layer.stride().get(0)).sH(layer.stride().get(1)).sW(layer.stride().get(2))
              .pD(layer.padding().get(0)).pH(layer.padding().get(1)).pW(layer.padding().get(2))
              .dD(layer.dilation().get(0)).dH(layer.dilation().get(1))
              .dW(layer.dilation().get(2))
              .paddingMode(PaddingMode.VALID).dataFormat(Conv3DConfig.NCDHW).build());
      return grouped(layer, x, weight, bias, conv);
    }

    /**
     * A grouped convolution as the concatenation of one convolution per group, each on its
     * slice of the input channels with its slice of the kernel; the bias added after.
     */
    private SDVariable grouped(Convolution layer, SDVariable x, SDVariable weight,
        SDVariable bias, BinaryOperator<SDVariable> conv) {
      int groups = layer.groups();
      int inPerGroup = layer.inChannels() / groups;
      int outPerGroup = layer.outChannels() / groups;
      SDVariable y;
      if (groups == 1) {
        y = conv.apply(x, weight);
      } else {
        SDVariable[] parts = new SDVariable[groups];
        for (int g = 0; g < groups; g++) {
          SDVariable xs = x.get(SDIndex.all(),
              SDIndex.interval((long) g * inPerGroup, (long) (g + 1) * inPerGroup));
          SDVariable ws = weight.get(
              SDIndex.interval((long) g * outPerGroup, (long) (g + 1) * outPerGroup));
          parts[g] = conv.apply(xs, ws);
        }
        y = graph.concat(1, parts);
      }
      return bias == null ? y : y.add(bias.reshape(channelShape(layer.outChannels(),
          layer.spatialRank())));
    }

    private Conv2DConfig conv2dConfig(Convolution layer) {
      return Conv2DConfig.builder()
          .kH(layer.kernel().get(0)).kW(layer.kernel().get(1))
          .sH(layer.stride().get(0)).sW(layer.stride().get(1))
          .pH(layer.padding().get(0)).pW(layer.padding().get(1))
          .dH(layer.dilation().get(0)).dW(layer.dilation().get(1))
          .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).weightsFormat(WeightsFormat.YXIO)
          .build();
    }

    @Override
    public SDVariable linear(Linear layer) {
      return linear(x(), in(), "");
    }

    /**
     * {@code x · Wᵀ + b} on the last axis, with the weight {@code [out, in]} (PyTorch's
     * layout); inputs of higher rank pass as a matrix of their last axis.
     */
    private SDVariable linear(SDVariable x, Shape shape, String prefix) {
      SDVariable weight = parameters.get(prefix + "weight");
      SDVariable bias = parameters.get(prefix + "bias");
      long out = weight.getShape()[0];
      SDVariable y;
      if (shape.rank() == 1) {
        y = graph.mmul(x, weight, false, true, false);
      } else {
        y = graph.mmul(x.reshape(-1, shape.dim(-1)), weight, false, true, false)
            .reshape(batched(shape.with(-1, (int) out)));
      }
      return bias == null ? y : y.add(bias);
    }

    @Override
    public SDVariable embedding(Embedding layer) {
      // A one-hot product rather than a gather: ND4J 1.0.0-M2.1's gather has no working
      // gradient for its table.
      SDVariable ids = x().reshape(-1).castTo(DataType.INT32);
      SDVariable oneHot = graph.oneHot(ids, layer.vocabulary(), -1, 1.0, 0.0, DataType.FLOAT);
      return oneHot.mmul(parameters.get("weight")).reshape(batched(node.shape()));
    }

    @Override
    public SDVariable normalization(Normalization layer) {
      int rank = in().rank() + 1;
      int[] axes;
      long[] broadcast;
      switch (layer.type()) {
        case BATCH -> {
          axes = range(0, rank, 1);
          broadcast = channelShape(layer.features(), rank - 2);
        }
        case INSTANCE -> {
          axes = range(2, rank, -1);
          broadcast = channelShape(layer.features(), rank - 2);
        }
        case LAYER -> {
          axes = new int[] {rank - 1};
          broadcast = new long[rank];
          Arrays.fill(broadcast, 1);
          broadcast[rank - 1] = layer.features();
        }
        default -> throw new IllegalStateException(layer.type().name());
      }
      SDVariable normalised;
      if (layer.type() == Normalization.Type.BATCH && mode == Mode.INFERENCE) {
        SDVariable scale = graph.math().rsqrt(parameters.get("running_var")
            .add(SameDiffNetwork.NORM_EPSILON)).reshape(broadcast);
        normalised = x().sub(parameters.get("running_mean").reshape(broadcast)).mul(scale);
      } else {
        SDVariable mean = x().mean(true, axes);
        SDVariable centred = x().sub(mean);
        SDVariable variance = centred.mul(centred).mean(true, axes);
        if (layer.type() == Normalization.Type.BATCH) {
          // The batch statistics are activations that the running statistics listen for.
          mean.rename(node.name() + RunningStatistics.MEAN);
          centred.rename(node.name() + RunningStatistics.CENTRED);
          variance.rename(node.name() + RunningStatistics.VARIANCE);
          statistics.add(new RunningStatistics.Entry(node.name(),
              parameters.get("running_mean").getArr(), parameters.get("running_var").getArr()));
        }
        normalised = centred.mul(graph.math().rsqrt(variance.add(SameDiffNetwork.NORM_EPSILON)));
      }
      if (!layer.affine()) {
        return normalised;
      }
      return normalised.mul(parameters.get("weight").reshape(broadcast))
          .add(parameters.get("bias").reshape(broadcast));
    }

    @Override
    public SDVariable activation(Activation layer) {
      return activation(x(), layer.function(), in().rank() + 1);
    }

    private SDVariable activation(SDVariable x, Activation.Function function, int rank) {
      return switch (function) {
        case RELU -> graph.nn().relu(x, 0);
        case RELU6 -> graph.nn().relu6(x, 0);
        case HSWISH -> x.mul(hardSigmoid(x));
        case HSIGMOID -> hardSigmoid(x);
        case SIGMOID -> graph.nn().sigmoid(x);
        case SWISH -> graph.nn().swish(x);
        case GELU -> x.mul(0.5).mul(graph.math().erf(x.mul(1 / Math.sqrt(2))).add(1.0));
        case TANH -> graph.nn().tanh(x);
        case SOFTMAX -> graph.nn().softmax(x, rank - 1);
      };
    }

    /** {@code relu6(x + 3) / 6}. */
    private SDVariable hardSigmoid(SDVariable x) {
      return graph.nn().relu6(x.add(3.0), 0).div(6.0);
    }

    @Override
    public SDVariable pooling(Pooling layer) {
      int rank = in().rank() + 1;
      if (layer.global()) {
        int[] axes = range(2, rank, -1);
        return layer.type() == Pooling.Type.AVG ? x().mean(true, axes) : x().max(true, axes);
      }
      List<Integer> kernel = layer.window(in());
      int spatial = in().rank() - 1;
      if (spatial > 2) {
        throw unsupported(node, "local pooling over " + spatial + " spatial axes");
      }
      SDVariable x = spatial == 1 ? x().reshape(-1, in().dim(0), 1, in().dim(1)) : x();
      int padH = spatial == 1 ? 0 : axis(layer.padding(), 0);
      int padW = axis(layer.padding(), spatial - 1);
      boolean average = layer.type() == Pooling.Type.AVG;
      if (average && padH + padW > 0) {
        // Zeros padded explicitly, so the divisor counts them (PyTorch's count_include_pad):
        // ND4J 1.0.0-M2.1's average pooling counts them forward but not in its gradient.
        x = graph.nn().pad(x, graph.constant(Nd4j.createFromArray(new int[][] {
            {0, 0}, {0, 0}, {padH, padH}, {padW, padW}})), 0.0);
        padH = 0;
        padW = 0;
      }
      Pooling2DConfig config = Pooling2DConfig.builder()
          .kH(spatial == 1 ? 1 : kernel.get(0)).kW(kernel.get(spatial - 1))
          .sH(spatial == 1 ? 1 : axis(layer.stride(), 0)).sW(axis(layer.stride(), spatial - 1))
          .pH(padH).pW(padW)
          .paddingMode(PaddingMode.VALID).isNHWC(false).build();
      SDVariable y = average
          ? graph.cnn().avgPooling2d(x, config) : graph.cnn().maxPooling2d(x, config);
      return spatial == 1 ? y.reshape(batched(node.shape())) : y;
    }

    @Override
    public SDVariable squeezeExcitation(SqueezeExcitation layer) {
      int rank = in().rank() + 1;
      SDVariable pooled = x().mean(false, range(2, rank, -1));
      Shape vector = Shape.of(layer.channels());
      SDVariable hidden = activation(linear(pooled, vector, "reduce/"), layer.inner(), 2);
      SDVariable scale = activation(linear(hidden, Shape.of(layer.reduced()), "expand/"),
          layer.gate(), 2);
      long[] perSample = channelShape(layer.channels(), rank - 2);
      perSample[0] = -1;
      return x().mul(scale.reshape(perSample));
    }

    @Override
    public SDVariable multiHeadAttention(MultiHeadAttention layer) {
      if (layer.contextLength() > 0) {
        if (layer.cross() || layer.contextLength() == 1) {
          throw unsupported(node, (layer.cross() ? "cross-attention" : "attention")
              + " over a cache of " + layer.contextLength() + " keys (context length)");
        }
        return recurrentAttention(layer);
      }
      Shape queries = in();
      Shape memory = layer.cross() ? shapes.get(1) : queries;
      SDVariable keyInput = layer.cross() ? inputs.get(1) : x();
      SDVariable q = inner(heads(linear(x(), queries, "q/"), layer, queries.dim(0)));
      SDVariable k = inner(heads(linear(keyInput, memory, "k/"), layer, memory.dim(0)));
      SDVariable v = inner(heads(linear(keyInput, memory, "v/"), layer, memory.dim(0)));
      SDVariable scores = graph.mmul(q, k, false, true, false).mul(1 / Math.sqrt(layer.headDim()));
      SDVariable weights = inner(graph.nn().softmax(scores, 3));
      SDVariable context = inner(graph.mmul(weights, v).permute(0, 2, 1, 3)
          .reshape(-1, queries.dim(0), layer.innerDim()));
      return linear(context, queries.with(-1, layer.innerDim()), "out/");
    }

    /**
     * Causal self-attention over a sliding window of {@code C = contextLength} positions, the
     * last {@code C − 1} of which may lie in earlier segments (segment-level recurrence, Dai et
     * al. arXiv:1901.02860, as the MicroNet LM uses it): the query at position {@code t} of the
     * segment attends to the keys of positions {@code t − C + 1 … t}, those before the segment
     * coming from the memory placeholders ({@link SegmentMemory}), with the score
     * {@code (q·k + q·p[t − s]) / √dk} where {@code p} is the learned positional term
     * {@code [C, dk]} indexed by the distance. Memory positions whose validity is 0 are masked.
     * The node's next memory, the last {@code C − 1} keys, values and validities of memory and
     * segment together, is computed under {@code NODE/next_keys}, {@code NODE/next_values},
     * {@code NODE/next_valid}; it is fed back as the next segment's placeholders, so no
     * gradient flows through it. Cost: {@code O(T·(T + C)·h·dk)} per sequence.
     */
    private SDVariable recurrentAttention(MultiHeadAttention layer) {
      Shape queries = in();
      int segment = queries.dim(0);
      int memory = layer.contextLength() - 1;
      int keys = memory + segment;
      SDVariable q = inner(heads(linear(x(), queries, "q/"), layer, segment));
      SDVariable k = graph.concat(2, parameters.get(SegmentMemory.KEYS),
          inner(heads(linear(x(), queries, "k/"), layer, segment)));
      SDVariable v = graph.concat(2, parameters.get(SegmentMemory.VALUES),
          inner(heads(linear(x(), queries, "v/"), layer, segment)));
      SDVariable present = graph.onesLike(x().get(SDIndex.all(), SDIndex.all(),
          SDIndex.point(0)));
      SDVariable valid = graph.concat(1, parameters.get(SegmentMemory.VALID), present);
      // distance[t, r, s] = 1 where key s lies r positions before query t (s = memory + t − r).
      float[] distance = new float[segment * layer.contextLength() * keys];
      float[] window = new float[segment * keys];
      for (int t = 0; t < segment; t++) {
        for (int r = 0; r < layer.contextLength(); r++) {
          distance[(t * layer.contextLength() + r) * keys + memory + t - r] = 1;
          window[t * keys + memory + t - r] = 1;
        }
      }
      SDVariable positional = graph.constant(Nd4j.create(distance,
          new long[] {segment, layer.contextLength(), keys}, 'c')).permute(0, 2, 1)
          .reshape((long) segment * keys, layer.contextLength())
          .mmul(parameters.get(SegmentMemory.POSITION))
          .reshape(segment, keys, layer.headDim());
      SDVariable byQuery = q.permute(2, 0, 1, 3).reshape(segment, -1, layer.headDim());
      SDVariable positionScores = graph.mmul(byQuery, positional, false, true, false)
          .reshape(segment, -1, layer.heads(), keys).permute(1, 2, 0, 3);
      SDVariable scores = graph.mmul(q, k, false, true, false).add(positionScores)
          .mul(1 / Math.sqrt(layer.headDim()));
      SDVariable allowed = graph.constant(Nd4j.create(window, new long[] {1, 1, segment, keys},
          'c')).mul(valid.reshape(-1, 1, 1, keys));
      SDVariable weights = inner(graph.nn().softmax(scores.add(allowed.sub(1.0).mul(MASKED)),
          3));
      SDVariable context = inner(graph.mmul(weights, v).permute(0, 2, 1, 3)
          .reshape(-1, segment, layer.innerDim()));
      k.get(SDIndex.all(), SDIndex.all(), SDIndex.interval((long) segment, (long) keys))
          .rename(name + "/" + SegmentMemory.NEXT_KEYS);
      v.get(SDIndex.all(), SDIndex.all(), SDIndex.interval((long) segment, (long) keys))
          .rename(name + "/" + SegmentMemory.NEXT_VALUES);
      valid.get(SDIndex.all(), SDIndex.interval((long) segment, (long) keys))
          .rename(name + "/" + SegmentMemory.NEXT_VALID);
      return linear(context, queries.with(-1, layer.innerDim()), "out/");
    }

    /**
     * {@code x}, a tensor inside the node that enters one of its products (an attention's
     * queries, keys, values, weights and context), fake-quantised like the node's output when
     * the node computes with fewer than 32 activation bits.
     */
    private SDVariable inner(SDVariable x) {
      int bits = node.attributes().activationBits();
      return bits < 32 ? fakeQuantize(x, bits) : x;
    }

    /** {@code [N, T, h·dk]} as {@code [N, h, T, dk]}. */
    private SDVariable heads(SDVariable x, MultiHeadAttention layer, int positions) {
      return x.reshape(-1, positions, layer.heads(), layer.headDim()).permute(0, 2, 1, 3);
    }

    @Override
    public SDVariable dynamicConvolution(DynamicConvolution layer) {
      throw unsupported(node, "layer kind '" + layer.kind() + "'");
    }

    @Override
    public SDVariable elementwise(Elementwise layer) {
      SDVariable y = x();
      for (int i = 1; i < inputs.size(); i++) {
        y = layer.operation() == Elementwise.Operation.ADD
            ? y.add(inputs.get(i)) : y.mul(inputs.get(i));
      }
      return y;
    }

    @Override
    public SDVariable concat(Concat layer) {
      int axis = layer.axis() < 0 ? in().rank() + layer.axis() : layer.axis();
      return graph.concat(axis + 1, inputs.toArray(new SDVariable[0]));
    }

    @Override
    public SDVariable reshape(Reshape layer) {
      return x().reshape(batched(layer.target()));
    }

    @Override
    public SDVariable flatten(Flatten layer) {
      return x().reshape(batched(node.shape()));
    }

    /**
     * TSM's shift on {@code [N, C, T, …]}: the first {@code fold} channels take the next
     * frame's values, the next {@code fold} the previous frame's, vacated frames are zero; a
     * clip of one frame keeps only the unshifted channels.
     */
    @Override
    public SDVariable temporalShift(TemporalShift layer) {
      int channels = in().dim(0);
      int frames = in().dim(1);
      long fold = channels / layer.foldDivisor();
      if (fold == 0) {
        return x().add(0.0);
      }
      List<SDVariable> parts = new ArrayList<>();
      if (frames == 1) {
        parts.add(graph.zerosLike(x().get(SDIndex.all(), SDIndex.interval(0L, 2 * fold))));
      } else {
        SDVariable back = x().get(SDIndex.all(), SDIndex.interval(0L, fold));
        SDVariable forward = x().get(SDIndex.all(), SDIndex.interval(fold, 2 * fold));
        parts.add(graph.concat(2, back.get(SDIndex.all(), SDIndex.all(),
            SDIndex.interval(1L, (long) frames)), graph.zerosLike(back.get(SDIndex.all(),
            SDIndex.all(), SDIndex.interval(0L, 1L)))));
        parts.add(graph.concat(2, graph.zerosLike(forward.get(SDIndex.all(), SDIndex.all(),
            SDIndex.interval(0L, 1L))), forward.get(SDIndex.all(), SDIndex.all(),
            SDIndex.interval(0L, frames - 1L))));
      }
      if (2 * fold < channels) {
        parts.add(x().get(SDIndex.all(), SDIndex.interval(2 * fold, (long) channels)));
      }
      return graph.concat(1, parts.toArray(new SDVariable[0]));
    }

    @Override
    public SDVariable gatedLinearUnit(GatedLinearUnit layer) {
      int rank = in().rank() + 1;
      long half = in().dim(-1) / 2;
      SDIndex[] first = new SDIndex[rank];
      SDIndex[] second = new SDIndex[rank];
      Arrays.fill(first, SDIndex.all());
      Arrays.fill(second, SDIndex.all());
      first[rank - 1] = SDIndex.interval(0L, half);
      second[rank - 1] = SDIndex.interval(half, 2 * half);
      return x().get(first).mul(graph.nn().sigmoid(x().get(second)));
    }

    private static int axis(List<Integer> values, int axis) {
      return values.get(values.size() == 1 ? 0 : axis);
    }
  }

  /** {@code [1, channels, 1, …]} with {@code spatial} ones after the channels. */
  private static long[] channelShape(long channels, int spatial) {
    long[] shape = new long[spatial + 2];
    Arrays.fill(shape, 1);
    shape[1] = channels;
    return shape;
  }

  /** The integers from {@code from} to {@code to − 1}, without {@code skip}. */
  private static int[] range(int from, int to, int skip) {
    return IntStream.range(from, to).filter(i -> i != skip).toArray();
  }
}
