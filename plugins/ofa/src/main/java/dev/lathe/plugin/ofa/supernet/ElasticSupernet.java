package dev.lathe.plugin.ofa.supernet;

import dev.lathe.nd4j.Nd4jRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Once-for-All's weight-sharing supernet (arXiv:1908.09791, section 3.2) over
 * {@link MiniNetwork}, as one SameDiff graph whose placeholders choose the subnet:
 *
 * <ul>
 *   <li><b>elastic kernel</b>: each block stores one 7×7 depthwise kernel; the 5×5 kernel is its
 *       centre crop times a learned 25×25 matrix, the 3×3 kernel the centre crop of the 5×5 times
 *       a learned 9×9 matrix (both identity at initialisation, shared by the block's channels);
 *       the chosen kernel, zero-padded to 7×7, is selected by a one-hot placeholder;
 *   <li><b>elastic width</b>: the first {@code mid(e)} middle channels are kept by a 0/1 mask
 *       after the expansion's and the depthwise convolution's activations, which computes exactly
 *       what the sliced subnet computes; {@link #sortChannels()} orders them by importance;
 *   <li><b>elastic depth</b>: blocks 3 and 4 of a stage add their residual branch times a 0/1
 *       gate, so a skipped block is the identity;
 *   <li><b>elastic resolution</b>: the image placeholder takes any size.
 * </ul>
 *
 * <p>The graph holds a training-mode forward (batch statistics, the loss: cross-entropy plus
 * {@code kd} times the cross-entropy against the teacher's probabilities, in-place distillation)
 * and an inference-mode forward on batch-norm statistics given as placeholders, so that each
 * subnet is evaluated on its own recalibrated statistics. Parameters follow OFA's names and
 * PyTorch's layouts ({@code blocks.3.conv.depth_conv.conv/weight} {@code [96, 1, 7, 7]}), as the
 * SameDiff bridge names a {@link MiniNetwork}'s: {@link #subnetParameters} slices them for one.
 */
final class ElasticSupernet {

  static {
    ElasticSupernet.class.getModule().addReads(ElasticSupernet.class.getClassLoader()
        .getUnnamedModule());
  }

  /** Batch normalisation's epsilon, as PyTorch's and the SameDiff bridge's. */
  static final double EPSILON = 1e-5;
  /** The momentum of the running statistics kept while training, as PyTorch's. */
  static final double MOMENTUM = 0.1;
  private static final int MAX_KERNEL = 7;

  private enum Mode { TRAINING, INFERENCE }

  private final SameDiff sd = SameDiff.create();
  private final long seed;
  private final Map<String, Integer> batchNorms = new LinkedHashMap<>();
  private final Map<String, INDArray[]> running = new LinkedHashMap<>();
  private final List<String> trainable = new ArrayList<>();
  private final List<String> statisticOutputs = new ArrayList<>();
  private final SDVariable image;

  /** A supernet with weights drawn from {@code seed}: He-normal kernels, Glorot-uniform linear. */
  ElasticSupernet(long seed) {
    this.seed = seed;
    image = sd.placeHolder("image", DataType.FLOAT, -1, 1, -1, -1);
    SDVariable labels = sd.placeHolder("labels", DataType.FLOAT, -1, MiniNetwork.CLASSES);
    SDVariable teacher = sd.placeHolder("teacher", DataType.FLOAT, -1, MiniNetwork.CLASSES);
    SDVariable kd = sd.placeHolder("kd", DataType.FLOAT);
    createParameters();
    SDVariable logits = forward(Mode.TRAINING);
    logits.rename("logits");
    forward(Mode.INFERENCE).rename("logits/inference");
    // log-softmax as z − log Σ exp z with z = logits − max: ND4J 1.0.0-M2.1's log_softmax op
    // along an axis fails when its gradient is built.
    SDVariable z = logits.sub(logits.max(true, 1));
    SDVariable logProbabilities = z.sub(sd.math().log(sd.math().exp(z).sum(true, 1)));
    SDVariable ce = labels.mul(logProbabilities).sum(1).mean().neg();
    SDVariable distillation = teacher.mul(logProbabilities).sum(1).mean().neg();
    ce.add(kd.mul(distillation)).rename("loss");
    sd.setLossVariables("loss");
    for (Map.Entry<String, Integer> bn : batchNorms.entrySet()) {
      running.put(bn.getKey(), new INDArray[] {Nd4j.zeros(DataType.FLOAT, bn.getValue()),
          Nd4j.ones(DataType.FLOAT, bn.getValue())});
    }
    Nd4jRuntime.createGradFunction(sd);
  }

  // ---------------------------------------------------------------- parameters

  private void createParameters() {
    conv("first_conv.conv", MiniNetwork.STEM, 1, 3);
    batchNorm("first_conv.bn", MiniNetwork.STEM);
    conv("blocks.0.conv.depth_conv.conv", MiniNetwork.STEM, 1, 3);
    batchNorm("blocks.0.conv.depth_conv.bn", MiniNetwork.STEM);
    conv("blocks.0.conv.point_linear.conv", MiniNetwork.STEM, MiniNetwork.STEM, 1);
    batchNorm("blocks.0.conv.point_linear.bn", MiniNetwork.STEM);
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      String name = block(b);
      int in = MiniNetwork.inChannels(b);
      int mid = maxMiddle(b);
      int out = MiniNetwork.WIDTHS.get(b / MiniSubnet.MAX_DEPTH);
      conv(name + ".conv.inverted_bottleneck.conv", mid, in, 1);
      batchNorm(name + ".conv.inverted_bottleneck.bn", mid);
      conv(name + ".conv.depth_conv.conv", mid, 1, MAX_KERNEL);
      variable(name + ".conv.depth_conv.conv/transform_7to5", Nd4j.eye(25).castTo(DataType.FLOAT));
      variable(name + ".conv.depth_conv.conv/transform_5to3", Nd4j.eye(9).castTo(DataType.FLOAT));
      batchNorm(name + ".conv.depth_conv.bn", mid);
      conv(name + ".conv.point_linear.conv", out, mid, 1);
      batchNorm(name + ".conv.point_linear.bn", out);
    }
    conv("final_expand_layer.conv", MiniNetwork.FINAL_EXPAND, MiniNetwork.WIDTHS.get(2), 1);
    batchNorm("final_expand_layer.bn", MiniNetwork.FINAL_EXPAND);
    conv("feature_mix_layer.conv", MiniNetwork.MIX, MiniNetwork.FINAL_EXPAND, 1);
    double limit = Math.sqrt(6.0 / (MiniNetwork.MIX + MiniNetwork.CLASSES));
    variable("classifier/weight", uniform("classifier/weight", limit, MiniNetwork.CLASSES,
        MiniNetwork.MIX));
    variable("classifier/bias", Nd4j.zeros(DataType.FLOAT, MiniNetwork.CLASSES));
  }

  private void conv(String node, int out, int inPerGroup, int k) {
    double std = Math.sqrt(2.0 / (inPerGroup * k * k));
    Random random = random(node + "/weight");
    float[] w = new float[out * inPerGroup * k * k];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (random.nextGaussian() * std);
    }
    variable(node + "/weight", Nd4j.create(w, new long[] {out, inPerGroup, k, k}, 'c'));
  }

  private INDArray uniform(String name, double limit, int rows, int columns) {
    Random random = random(name);
    float[] w = new float[rows * columns];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
    return Nd4j.create(w, new long[] {rows, columns}, 'c');
  }

  private Random random(String name) {
    return new Random(seed * 0x9E3779B97F4A7C15L ^ name.hashCode());
  }

  private void batchNorm(String node, int channels) {
    batchNorms.put(node, channels);
    variable(node + "/weight", Nd4j.ones(DataType.FLOAT, channels));
    variable(node + "/bias", Nd4j.zeros(DataType.FLOAT, channels));
  }

  private void variable(String name, INDArray value) {
    sd.var(name, value);
    trainable.add(name);
  }

  static String block(int b) {
    return "blocks." + (b + 1);
  }

  static int maxMiddle(int b) {
    return MiniNetwork.middle(b, MiniSubnet.EXPANDS.get(MiniSubnet.EXPANDS.size() - 1));
  }

  // ---------------------------------------------------------------- graph

  private SDVariable forward(Mode mode) {
    SDVariable x = convolution(image, "first_conv.conv", 2, 1);
    x = hswish(batchNorm(x, "first_conv.bn", mode));
    SDVariable input = x;
    x = depthwise(x, sd.getVariable("blocks.0.conv.depth_conv.conv/weight"), MiniNetwork.STEM, 3,
        1);
    x = sd.nn().relu(batchNorm(x, "blocks.0.conv.depth_conv.bn", mode), 0);
    x = batchNorm(convolution(x, "blocks.0.conv.point_linear.conv", 1, 0),
        "blocks.0.conv.point_linear.bn", mode);
    x = x.add(input);
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      x = mbConv(x, b, mode);
    }
    x = hswish(batchNorm(convolution(x, "final_expand_layer.conv", 1, 0),
        "final_expand_layer.bn", mode));
    x = x.mean(false, 2, 3);
    x = hswish(sd.mmul(x, sd.getVariable("feature_mix_layer.conv/weight")
        .reshape(MiniNetwork.MIX, MiniNetwork.FINAL_EXPAND), false, true, false));
    return sd.mmul(x, sd.getVariable("classifier/weight"), false, true, false)
        .add(sd.getVariable("classifier/bias"));
  }

  private SDVariable mbConv(SDVariable x, int b, Mode mode) {
    String name = block(b);
    int stage = b / MiniSubnet.MAX_DEPTH;
    int position = b % MiniSubnet.MAX_DEPTH;
    boolean hswish = MiniNetwork.HSWISH.get(stage);
    int mid = maxMiddle(b);
    SDVariable mask = mode == Mode.TRAINING
        ? sd.placeHolder(name + "/mask", DataType.FLOAT, 1, mid, 1, 1) : sd.getVariable(name
        + "/mask");
    SDVariable h = batchNorm(convolution(x, name + ".conv.inverted_bottleneck.conv", 1, 0),
        name + ".conv.inverted_bottleneck.bn", mode);
    h = activation(h, hswish).mul(mask);
    h = depthwise(h, elasticKernel(b, mode), mid, MAX_KERNEL, MiniNetwork.stride(b));
    h = activation(batchNorm(h, name + ".conv.depth_conv.bn", mode), hswish).mul(mask);
    h = batchNorm(convolution(h, name + ".conv.point_linear.conv", 1, 0),
        name + ".conv.point_linear.bn", mode);
    if (MiniNetwork.stride(b) != 1 || MiniNetwork.inChannels(b) != MiniNetwork.WIDTHS.get(stage)) {
      return h;
    }
    if (position < 2) {
      return x.add(h);
    }
    SDVariable gate = mode == Mode.TRAINING ? sd.placeHolder(name + "/gate", DataType.FLOAT)
        : sd.getVariable(name + "/gate");
    return x.add(h.mul(gate));
  }

  /**
   * The block's depthwise kernel {@code [mid, 49]} (7×7 flattened) for the kernel size its
   * one-hot placeholder {@code NAME/kernel} (3, 5, 7) chooses. Crops, transforms and
   * zero-padding are products with constant 0/1 matrices ({@link KernelGeometry}), so the graph
   * needs no slicing or padding ops.
   */
  private SDVariable elasticKernel(int b, Mode mode) {
    String name = block(b);
    int mid = maxMiddle(b);
    SDVariable choice = mode == Mode.TRAINING
        ? sd.placeHolder(name + "/kernel", DataType.FLOAT, 1, 3) : sd.getVariable(name + "/kernel");
    SDVariable w7 = sd.getVariable(name + ".conv.depth_conv.conv/weight").reshape(mid, 49);
    SDVariable k5 = sd.mmul(sd.mmul(w7, geometry("crop7to5")), sd.getVariable(name
        + ".conv.depth_conv.conv/transform_7to5"), false, true, false);
    SDVariable k3 = sd.mmul(sd.mmul(k5, geometry("crop5to3")), sd.getVariable(name
        + ".conv.depth_conv.conv/transform_5to3"), false, true, false);
    SDVariable padded5 = sd.mmul(k5, geometry("pad5to7"));
    SDVariable padded3 = sd.mmul(k3, geometry("pad3to7"));
    return w7.mul(choice.get(SDIndex.all(), SDIndex.point(2)))
        .add(padded5.mul(choice.get(SDIndex.all(), SDIndex.point(1))))
        .add(padded3.mul(choice.get(SDIndex.all(), SDIndex.point(0))));
  }

  private SDVariable geometry(String name) {
    if (!sd.hasVariable("geometry/" + name)) {
      INDArray m = switch (name) {
        case "crop7to5" -> KernelGeometry.crop(7, 5);
        case "crop5to3" -> KernelGeometry.crop(5, 3);
        case "pad5to7" -> KernelGeometry.crop(7, 5).transpose().dup('c');
        case "pad3to7" -> KernelGeometry.crop(7, 3).transpose().dup('c');
        default -> throw new IllegalArgumentException(name);
      };
      sd.constant("geometry/" + name, m);
    }
    return sd.getVariable("geometry/" + name);
  }

  private SDVariable depthwise(SDVariable x, SDVariable kernel, int channels, int k, int stride) {
    SDVariable yxim = kernel.reshape(channels, k, k).permute(1, 2, 0).reshape(k, k, channels, 1);
    return sd.cnn().depthWiseConv2d(x, yxim, Conv2DConfig.builder().kH(k).kW(k)
        .sH(stride).sW(stride).pH(k / 2).pW(k / 2).dH(1).dW(1).paddingMode(PaddingMode.VALID)
        .dataFormat(Conv2DConfig.NCHW).build());
  }

  private SDVariable convolution(SDVariable x, String node, int stride, int padding) {
    SDVariable w = sd.getVariable(node + "/weight");
    long[] shape = w.getShape();
    return sd.cnn().conv2d(x, w.permute(2, 3, 1, 0), Conv2DConfig.builder()
        .kH(shape[2]).kW(shape[3]).sH(stride).sW(stride).pH(padding).pW(padding).dH(1).dW(1)
        .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).build());
  }

  private SDVariable batchNorm(SDVariable x, String node, Mode mode) {
    int c = batchNorms.get(node);
    SDVariable gamma = sd.getVariable(node + "/weight").reshape(1, c, 1, 1);
    SDVariable beta = sd.getVariable(node + "/bias").reshape(1, c, 1, 1);
    SDVariable normalised;
    if (mode == Mode.INFERENCE) {
      SDVariable mean = sd.placeHolder(node + "/mean", DataType.FLOAT, c).reshape(1, c, 1, 1);
      SDVariable variance = sd.placeHolder(node + "/var", DataType.FLOAT, c).reshape(1, c, 1, 1);
      normalised = x.sub(mean).mul(sd.math().rsqrt(variance.add(EPSILON)));
    } else {
      SDVariable mean = x.mean(true, 0, 2, 3);
      SDVariable centred = x.sub(mean);
      SDVariable variance = centred.mul(centred).mean(true, 0, 2, 3);
      mean.rename(node + "/batch_mean");
      variance.rename(node + "/batch_var");
      sd.sizeAt(x, 0).mul(sd.sizeAt(x, 2)).mul(sd.sizeAt(x, 3)).castTo(DataType.FLOAT)
          .rename(node + "/batch_count");
      statisticOutputs.add(node + "/batch_mean");
      statisticOutputs.add(node + "/batch_var");
      statisticOutputs.add(node + "/batch_count");
      normalised = centred.mul(sd.math().rsqrt(variance.add(EPSILON)));
    }
    return normalised.mul(gamma).add(beta);
  }

  private SDVariable activation(SDVariable x, boolean hswish) {
    return hswish ? hswish(x) : sd.nn().relu(x, 0);
  }

  private SDVariable hswish(SDVariable x) {
    return x.mul(sd.nn().relu6(x.add(3.0), 0).div(6.0));
  }

  // ---------------------------------------------------------------- placeholders

  /** The placeholder values that choose {@code subnet} (kernel, masks, gates). */
  Map<String, INDArray> choice(MiniSubnet subnet) {
    Map<String, INDArray> values = new LinkedHashMap<>();
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      String name = block(b);
      float[] kernel = new float[3];
      kernel[MiniSubnet.KERNELS.indexOf(subnet.kernels().get(b))] = 1;
      values.put(name + "/kernel", Nd4j.create(kernel, new long[] {1, 3}, 'c'));
      int max = maxMiddle(b);
      int mid = MiniNetwork.middle(b, subnet.expands().get(b));
      float[] mask = new float[max];
      Arrays.fill(mask, 0, mid, 1f);
      values.put(name + "/mask", Nd4j.create(mask, new long[] {1, max, 1, 1}, 'c'));
      if (b % MiniSubnet.MAX_DEPTH >= 2) {
        values.put(name + "/gate", Nd4j.scalar(subnet.active(b) ? 1f : 0f));
      }
    }
    return values;
  }

  // ---------------------------------------------------------------- running the graph

  /**
   * The loss, the logits and the batch statistics of {@code subnet} on a batch in training mode,
   * with the gradient of every parameter.
   *
   * @param teacher the teacher's probabilities {@code [n, classes]}, or null for none
   */
  OutAndGrad gradients(MiniSubnet subnet, INDArray images, INDArray labels, INDArray teacher) {
    Map<String, INDArray> values = choice(subnet);
    values.put("image", images);
    values.put("labels", labels);
    values.put("teacher", teacher == null ? Nd4j.zeros(DataType.FLOAT, labels.shape())
        : teacher);
    values.put("kd", Nd4j.scalar(teacher == null ? 0f : 1f));
    List<String> outputs = new ArrayList<>(List.of("loss", "logits"));
    outputs.addAll(statisticOutputs);
    return sd.calculateGradientsAndOutputs(values, outputs, trainable);
  }

  /** The batch statistics of {@code subnet} on {@code images}, by batch norm: mean and variance. */
  Map<String, INDArray[]> batchStatistics(MiniSubnet subnet, INDArray images) {
    Map<String, INDArray> values = choice(subnet);
    values.put("image", images);
    Map<String, INDArray> out = sd.output(values, statisticOutputs);
    Map<String, INDArray[]> stats = new LinkedHashMap<>();
    for (String bn : batchNorms.keySet()) {
      stats.put(bn, new INDArray[] {out.get(bn + "/batch_mean").reshape(-1),
          out.get(bn + "/batch_var").reshape(-1)});
    }
    return stats;
  }

  /**
   * Folds the batch statistics among {@code outputs} (of {@link #gradients}) into the running
   * statistics, as PyTorch's batch norm does in training mode: {@code m ← 0.9·m + 0.1·mean},
   * {@code v ← 0.9·v + 0.1·var·n/(n−1)} over the {@code n} values per channel.
   */
  void updateRunningStatistics(Map<String, INDArray> outputs) {
    for (Map.Entry<String, INDArray[]> e : running.entrySet()) {
      INDArray mean = outputs.get(e.getKey() + "/batch_mean");
      INDArray variance = outputs.get(e.getKey() + "/batch_var");
      double n = outputs.get(e.getKey() + "/batch_count").getDouble(0);
      e.getValue()[0].muli(1 - MOMENTUM).addi(mean.reshape(-1).mul(MOMENTUM));
      e.getValue()[1].muli(1 - MOMENTUM).addi(variance.reshape(-1).mul(MOMENTUM * n
          / Math.max(1, n - 1)));
    }
  }

  /** The running statistics kept while training, by batch norm; live arrays. */
  Map<String, INDArray[]> runningStatistics() {
    return Collections.unmodifiableMap(running);
  }

  /** The logits of {@code subnet} in inference mode on the batch-norm statistics {@code stats}. */
  INDArray logits(MiniSubnet subnet, INDArray images, Map<String, INDArray[]> stats) {
    Map<String, INDArray> values = choice(subnet);
    values.put("image", images);
    for (Map.Entry<String, INDArray[]> e : stats.entrySet()) {
      values.put(e.getKey() + "/mean", e.getValue()[0]);
      values.put(e.getKey() + "/var", e.getValue()[1]);
    }
    return sd.output(values, "logits/inference").get("logits/inference");
  }

  /** The trainable parameters' names. */
  List<String> parameterNames() {
    return Collections.unmodifiableList(trainable);
  }

  /** The live array of parameter {@code name}. */
  INDArray parameter(String name) {
    return sd.getVariable(name).getArr();
  }

  // ---------------------------------------------------------------- elastic operations

  /**
   * The 3×3, 5×5 and 7×7 kernels {@code [mid, k, k]} of elastic block {@code b}, computed from
   * the shared 7×7 kernel and the transformation matrices as the graph computes them.
   */
  INDArray[] blockKernels(int b) {
    String name = block(b);
    int mid = maxMiddle(b);
    INDArray w7 = parameter(name + ".conv.depth_conv.conv/weight").reshape(mid, 49);
    INDArray k5 = w7.mmul(KernelGeometry.crop(7, 5)).mmul(parameter(name
        + ".conv.depth_conv.conv/transform_7to5").transpose());
    INDArray k3 = k5.mmul(KernelGeometry.crop(5, 3)).mmul(parameter(name
        + ".conv.depth_conv.conv/transform_5to3").transpose());
    return new INDArray[] {k3.reshape(mid, 3, 3), k5.reshape(mid, 5, 5),
        w7.dup().reshape(mid, 7, 7)};
  }

  /**
   * The parameters of {@code subnet} as a standalone {@link MiniNetwork}'s, under the SameDiff
   * bridge's names: each is a slice of the shared supernet parameter (the first {@code mid}
   * channels), the depthwise kernels those of {@link #blockKernels}.
   */
  Map<String, INDArray> subnetParameters(MiniSubnet subnet) {
    Map<String, INDArray> p = new LinkedHashMap<>();
    for (String name : trainable) {
      if (!name.startsWith("blocks.") || name.startsWith("blocks.0.")) {
        p.put(name, parameter(name));
      }
    }
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      if (!subnet.active(b)) {
        continue;
      }
      String name = block(b);
      int mid = MiniNetwork.middle(b, subnet.expands().get(b));
      int k = subnet.kernels().get(b);
      p.put(name + ".conv.inverted_bottleneck.conv/weight", rows(parameter(name
          + ".conv.inverted_bottleneck.conv/weight"), mid));
      p.put(name + ".conv.inverted_bottleneck.bn/weight", rows(parameter(name
          + ".conv.inverted_bottleneck.bn/weight"), mid));
      p.put(name + ".conv.inverted_bottleneck.bn/bias", rows(parameter(name
          + ".conv.inverted_bottleneck.bn/bias"), mid));
      INDArray kernel = blockKernels(b)[MiniSubnet.KERNELS.indexOf(k)];
      p.put(name + ".conv.depth_conv.conv/weight", rows(kernel, mid).reshape(mid, 1, k, k));
      p.put(name + ".conv.depth_conv.bn/weight", rows(parameter(name
          + ".conv.depth_conv.bn/weight"), mid));
      p.put(name + ".conv.depth_conv.bn/bias", rows(parameter(name
          + ".conv.depth_conv.bn/bias"), mid));
      INDArray pw = parameter(name + ".conv.point_linear.conv/weight");
      p.put(name + ".conv.point_linear.conv/weight", pw.get(NDArrayIndex.all(),
          NDArrayIndex.interval(0, mid), NDArrayIndex.all(), NDArrayIndex.all()).dup('c'));
      p.put(name + ".conv.point_linear.bn/weight", parameter(name
          + ".conv.point_linear.bn/weight"));
      p.put(name + ".conv.point_linear.bn/bias", parameter(name + ".conv.point_linear.bn/bias"));
    }
    return p;
  }

  /**
   * {@code stats} sliced to {@code subnet}'s channels, under the SameDiff bridge's names of
   * running statistics.
   */
  Map<String, INDArray> subnetStatistics(MiniSubnet subnet, Map<String, INDArray[]> stats) {
    Map<String, INDArray> out = new LinkedHashMap<>();
    for (Map.Entry<String, INDArray[]> e : stats.entrySet()) {
      String bn = e.getKey();
      int channels = e.getValue()[0].columns();
      if (bn.startsWith("blocks.") && !bn.startsWith("blocks.0.")) {
        int b = Integer.parseInt(bn.split("\\.")[1]) - 1;
        if (!subnet.active(b)) {
          continue;
        }
        if (!bn.endsWith("point_linear.bn")) {
          channels = MiniNetwork.middle(b, subnet.expands().get(b));
        }
      }
      out.put(bn + "/running_mean", rows(e.getValue()[0], channels));
      out.put(bn + "/running_var", rows(e.getValue()[1], channels));
    }
    return out;
  }

  private static INDArray rows(INDArray a, int n) {
    if (a.rank() == 1) {
      return a.get(NDArrayIndex.interval(0, n)).dup('c');
    }
    INDArrayIndex[] index = new INDArrayIndex[a.rank()];
    index[0] = NDArrayIndex.interval(0, n);
    for (int i = 1; i < index.length; i++) {
      index[i] = NDArrayIndex.all();
    }
    return a.get(index).dup('c');
  }

  /**
   * Sorts the middle channels of every elastic block by importance, the L1 norm of their
   * weights in the projection (OFA's {@code re_organize_middle_weights}), so that a narrower
   * subnet keeps the most important ones; the expansion's output channels, its batch norm, the
   * depthwise kernel, its batch norm, the projection's input channels and the running statistics
   * move together. Returns each block's new order (position → old channel).
   */
  List<int[]> sortChannels() {
    List<int[]> orders = new ArrayList<>();
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      String name = block(b);
      INDArray pw = parameter(name + ".conv.point_linear.conv/weight");
      double[] importance = Transforms.abs(pw, true).sum(0, 2, 3).toDoubleVector();
      Integer[] order = new Integer[importance.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (i, j) -> Double.compare(importance[j], importance[i]));
      int[] o = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
      for (String p : List.of(".conv.inverted_bottleneck.conv/weight",
          ".conv.inverted_bottleneck.bn/weight", ".conv.inverted_bottleneck.bn/bias",
          ".conv.depth_conv.conv/weight", ".conv.depth_conv.bn/weight",
          ".conv.depth_conv.bn/bias")) {
        permuteRows(parameter(name + p), o);
      }
      for (String bn : List.of(".conv.inverted_bottleneck.bn", ".conv.depth_conv.bn")) {
        for (INDArray s : running.get(name + bn)) {
          permuteRows(s, o);
        }
      }
      INDArray moved = pw.permute(1, 0, 2, 3).dup('c');
      permuteRows(moved, o);
      pw.assign(moved.permute(1, 0, 2, 3));
      orders.add(o);
    }
    return orders;
  }

  private static void permuteRows(INDArray a, int[] order) {
    INDArray copy = a.dup();
    for (int i = 0; i < order.length; i++) {
      if (a.rank() == 1) {
        a.putScalar(i, copy.getDouble(order[i]));
      } else {
        a.slice(i).assign(copy.slice(order[i]));
      }
    }
  }
}
