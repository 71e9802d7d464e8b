package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A squeeze-and-excitation block (Hu et al., arXiv:1709.01507) on a {@code [C, …]} tensor:
 * global average pooling to {@code [C]}, a fully connected (1×1 convolution) reduction to
 * {@code reduced} channels, the {@code inner} activation, an expansion back to {@code C}, the
 * {@code gate} activation, and the input scaled channel by channel by the result. The output
 * has the input's shape.
 *
 * @param channels the input's channels
 * @param reduced the middle width, e.g. {@code make_divisible(C / 4, 8)} in MobileNetV3
 * @param inner the activation after the reduction (ReLU in SENet and MobileNetV3)
 * @param gate the activation that makes the scale (sigmoid in SENet, hard sigmoid in
 *     MobileNetV3)
 * @param bias whether both fully connected layers have a bias
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SqueezeExcitation(int channels, int reduced, Activation.Function inner,
    Activation.Function gate, boolean bias) implements Layer {

  /** Checks the parts. */
  public SqueezeExcitation {
    Objects.requireNonNull(inner, "inner");
    Objects.requireNonNull(gate, "gate");
    if (channels < 1 || reduced < 1) {
      throw new IllegalArgumentException("squeeze-excitation: channels " + channels
          + " and reduced " + reduced + " must be at least 1");
    }
    if (inner == Activation.Function.SOFTMAX || gate == Activation.Function.SOFTMAX) {
      throw new IllegalArgumentException("squeeze-excitation: softmax is not an element-wise"
          + " activation");
    }
  }

  /** SENet's block: ReLU inside, sigmoid gate, with biases. */
  public static SqueezeExcitation of(int channels, int reduced) {
    return new SqueezeExcitation(channels, reduced, Activation.Function.RELU,
        Activation.Function.SIGMOID, true);
  }

  /** This block with gate activation {@code gate}. */
  public SqueezeExcitation withGate(Activation.Function gate) {
    return new SqueezeExcitation(channels, reduced, inner, gate, bias);
  }

  /** This block with inner activation {@code inner}. */
  public SqueezeExcitation withInner(Activation.Function inner) {
    return new SqueezeExcitation(channels, reduced, inner, gate, bias);
  }

  /** This block with or without biases. */
  public SqueezeExcitation withBias(boolean bias) {
    return new SqueezeExcitation(channels, reduced, inner, gate, bias);
  }

  @Override
  public String kind() {
    return "squeeze-excitation";
  }

  @Override
  public String describe() {
    return kind() + " " + channels + "→" + reduced + "→" + channels + " " + inner.label() + "/"
        + gate.label();
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    if (in.rank() < 2 || in.dim(0) != channels) {
      throw new IllegalArgumentException("expects [" + channels + ", …] with at least one"
          + " spatial axis, got " + in);
    }
    return in;
  }

  @Override
  public long weights() {
    return 2L * channels * reduced;
  }

  @Override
  public long biases() {
    return bias ? (long) channels + reduced : 0;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.squeezeExcitation(this);
  }
}
