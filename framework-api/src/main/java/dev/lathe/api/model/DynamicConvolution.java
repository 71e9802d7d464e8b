package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A lightweight or dynamic convolution over a sequence {@code [T, C]} (Wu et al., "Pay Less
 * Attention with Lightweight and Dynamic Convolutions", arXiv:1901.10430; the convolution branch
 * of Lite Transformer, arXiv:2004.11886): a depthwise convolution along time of width
 * {@code kernel} whose {@code C} channels fall in {@code heads} groups that share one kernel,
 * softmax-normalised over its width. A lightweight convolution learns the {@code heads × kernel}
 * weights; a dynamic one predicts them at every position with a linear layer
 * {@code C → heads × kernel} (no bias) from the input there. The output has the input's shape;
 * {@code causal} only says whether the window looks back only (decoders) or is centred.
 *
 * @param channels {@code C}
 * @param heads kernel groups; divides {@code C}
 * @param kernel the window width
 * @param dynamic whether the kernel is predicted per position
 * @param causal whether the window ends at the current position
 * @param bias whether it adds a bias per channel
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DynamicConvolution(int channels, int heads, int kernel, boolean dynamic,
    boolean causal, boolean bias) implements Layer {

  /** Checks the sizes. */
  public DynamicConvolution {
    if (channels < 1 || heads < 1 || kernel < 1 || channels % heads != 0) {
      throw new IllegalArgumentException((dynamic ? "dynamic" : "lightweight") + "-conv: "
          + heads + " heads must divide " + channels + " channels, kernel " + kernel
          + " at least 1");
    }
  }

  /** A centred dynamic convolution without bias. */
  public static DynamicConvolution dynamic(int channels, int heads, int kernel) {
    return new DynamicConvolution(channels, heads, kernel, true, false, false);
  }

  /** A centred lightweight convolution without bias. */
  public static DynamicConvolution lightweight(int channels, int heads, int kernel) {
    return new DynamicConvolution(channels, heads, kernel, false, false, false);
  }

  /** This convolution causal or centred. */
  public DynamicConvolution withCausal(boolean causal) {
    return new DynamicConvolution(channels, heads, kernel, dynamic, causal, bias);
  }

  /** This convolution with or without a bias. */
  public DynamicConvolution withBias(boolean bias) {
    return new DynamicConvolution(channels, heads, kernel, dynamic, causal, bias);
  }

  @Override
  public String kind() {
    return dynamic ? "dynamic-conv" : "lightweight-conv";
  }

  @Override
  public String describe() {
    return kind() + " " + channels + " h" + heads + " k" + kernel + (causal ? " causal" : "")
        + (bias ? " +bias" : "");
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    if (in.rank() != 2 || in.dim(1) != channels) {
      throw new IllegalArgumentException("expects a sequence [T, " + channels + "], got " + in);
    }
    return in;
  }

  @Override
  public long weights() {
    return dynamic ? (long) channels * heads * kernel : (long) heads * kernel;
  }

  @Override
  public long biases() {
    return bias ? channels : 0;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.dynamicConvolution(this);
  }
}
