package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * An element-wise non-linearity, or a softmax over the last axis. The output has the input's
 * shape.
 *
 * @param function which function
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Activation(Function function) implements Layer {

  /** {@code max(x, 0)}. */
  public static final Activation RELU = new Activation(Function.RELU);
  /** {@code min(max(x, 0), 6)}. */
  public static final Activation RELU6 = new Activation(Function.RELU6);
  /** {@code x · relu6(x + 3) / 6} (MobileNetV3). */
  public static final Activation HSWISH = new Activation(Function.HSWISH);
  /** {@code relu6(x + 3) / 6} (MobileNetV3). */
  public static final Activation HSIGMOID = new Activation(Function.HSIGMOID);
  /** {@code 1 / (1 + e^−x)}. */
  public static final Activation SIGMOID = new Activation(Function.SIGMOID);
  /** {@code x · Φ(x)}, Φ the standard normal distribution function. */
  public static final Activation GELU = new Activation(Function.GELU);
  /** {@code x · sigmoid(x)} (SiLU). */
  public static final Activation SWISH = new Activation(Function.SWISH);
  /** The hyperbolic tangent. */
  public static final Activation TANH = new Activation(Function.TANH);
  /** {@code e^xᵢ / Σⱼ e^xⱼ} over the last axis. */
  public static final Activation SOFTMAX = new Activation(Function.SOFTMAX);

  /** The functions. */
  public enum Function {
    RELU, RELU6, HSWISH, HSIGMOID, SIGMOID, GELU, SWISH, TANH, SOFTMAX;

    /** The name in lower case, e.g. {@code hswish}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks the function. */
  public Activation {
    java.util.Objects.requireNonNull(function, "function");
  }

  @Override
  public String kind() {
    return function.label();
  }

  @Override
  public String describe() {
    return kind();
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return inputs.get(0);
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.activation(this);
  }
}
