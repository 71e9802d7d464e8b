package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.nd4j.internal.Nd4jAccess;
import java.util.List;
import java.util.Random;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small classifiers built as SameDiff graphs for the training loop, with placeholders
 * {@code features} and {@code labels} (one-hot), output {@code logits} and loss {@code loss}
 * (softmax cross-entropy, mean over the batch). Weights and biases start uniform in
 * ±1/√fan-in, as PyTorch's {@code Linear} and {@code Conv2d} start, drawn from
 * {@link java.util.Random} with the given seed: the same seed gives the same weights on every
 * JVM.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Models {

  static {
    Nd4jAccess.open();
  }

  /** The name of the features placeholder. */
  public static final String FEATURES = "features";
  /** The name of the one-hot labels placeholder. */
  public static final String LABELS = "labels";
  /** The name of the logits. */
  public static final String LOGITS = "logits";
  /** The name of the loss. */
  public static final String LOSS = "loss";

  private Models() {}

  /**
   * A multi-layer perceptron: {@code inputs} features, fully connected ReLU layers of the
   * {@code hidden} widths, then {@code classes} logits. Features {@code [n, inputs]}; variables
   * {@code dense<i>/w} ({@code [in, out]}) and {@code dense<i>/b}.
   */
  public static TrainableModel mlp(int inputs, List<Integer> hidden, int classes, long seed) {
    positive("inputs", inputs);
    positive("classes", classes);
    hidden.forEach(width -> positive("hidden width", width));
    Random random = new Random(seed);
    SameDiff graph = SameDiff.create();
    SDVariable x = graph.placeHolder(FEATURES, DataType.FLOAT, -1, inputs);
    SDVariable labels = graph.placeHolder(LABELS, DataType.FLOAT, -1, classes);
    int width = inputs;
    for (int i = 0; i < hidden.size(); i++) {
      x = graph.nn().relu(dense(graph, "dense" + i, x, width, hidden.get(i), random), 0);
      width = hidden.get(i);
    }
    SDVariable logits = dense(graph, "dense" + hidden.size(), x, width, classes, random);
    return finish(graph, logits, labels);
  }

  /**
   * A small convolutional network, the layout of PyTorch's MNIST example without dropout:
   * 3×3 convolution to 32 channels, ReLU, 3×3 convolution to 64 channels, ReLU, 2×2 max pooling,
   * fully connected to 128, ReLU, fully connected to {@code classes} logits (no padding, stride
   * 1). Features {@code [n, channels, height, width]} (NCHW); convolution weights
   * {@code conv<i>/w} are {@code [kH, kW, in, out]}.
   *
   * @param height at least 6 and even (the pooled map is {@code (height - 4) / 2} high)
   * @param width at least 6 and even
   */
  public static TrainableModel smallCnn(int channels, int height, int width, int classes,
      long seed) {
    positive("channels", channels);
    positive("classes", classes);
    if (height < 6 || width < 6 || height % 2 != 0 || width % 2 != 0) {
      throw new IllegalArgumentException("height and width must be even and at least 6, not "
          + height + "x" + width);
    }
    Random random = new Random(seed);
    SameDiff graph = SameDiff.create();
    SDVariable x = graph.placeHolder(FEATURES, DataType.FLOAT, -1, channels, height, width);
    SDVariable labels = graph.placeHolder(LABELS, DataType.FLOAT, -1, classes);
    x = graph.nn().relu(conv3x3(graph, "conv0", x, channels, 32, random), 0);
    x = graph.nn().relu(conv3x3(graph, "conv1", x, 32, 64, random), 0);
    x = graph.cnn().maxPooling2d(x, Pooling2DConfig.builder()
        .kH(2).kW(2).sH(2).sW(2).paddingMode(PaddingMode.VALID).isNHWC(false).build());
    int flat = 64 * ((height - 4) / 2) * ((width - 4) / 2);
    x = graph.reshape(x, -1, flat);
    x = graph.nn().relu(dense(graph, "dense0", x, flat, 128, random), 0);
    SDVariable logits = dense(graph, "dense1", x, 128, classes, random);
    return finish(graph, logits, labels);
  }

  private static TrainableModel finish(SameDiff graph, SDVariable logits, SDVariable labels) {
    logits.rename(LOGITS);
    graph.loss().softmaxCrossEntropy(LOSS, labels, logits, null);
    return new TrainableModel(graph, FEATURES, LABELS, LOGITS, LOSS);
  }

  private static SDVariable dense(SameDiff graph, String name, SDVariable x, int in, int out,
      Random random) {
    SDVariable w = graph.var(name + "/w", uniform(random, in, new long[] {in, out}));
    SDVariable b = graph.var(name + "/b", uniform(random, in, new long[] {out}));
    return x.mmul(w).add(b);
  }

  private static SDVariable conv3x3(SameDiff graph, String name, SDVariable x, int in, int out,
      Random random) {
    int fanIn = in * 9;
    SDVariable w = graph.var(name + "/w", uniform(random, fanIn, new long[] {3, 3, in, out}));
    SDVariable b = graph.var(name + "/b", uniform(random, fanIn, new long[] {out}));
    return graph.cnn().conv2d(x, w, b, Conv2DConfig.builder()
        .kH(3).kW(3).sH(1).sW(1).paddingMode(PaddingMode.VALID)
        .dataFormat(Conv2DConfig.NCHW).weightsFormat(WeightsFormat.YXIO).build());
  }

  /** Uniform in ±1/√fanIn, from {@code random}, in C order. */
  private static INDArray uniform(Random random, int fanIn, long[] shape) {
    long size = 1;
    for (long d : shape) {
      size *= d;
    }
    float[] values = new float[Math.toIntExact(size)];
    double bound = 1 / Math.sqrt(fanIn);
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    return Nd4j.create(values, shape, 'c');
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
  }
}
