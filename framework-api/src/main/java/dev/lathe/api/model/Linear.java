package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A fully connected layer applied to the last axis: {@code [..., in] → [..., out]}, the same
 * weights at every position of the other axes.
 *
 * @param inFeatures input features
 * @param outFeatures output features
 * @param bias whether it adds a bias per output feature
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Linear(int inFeatures, int outFeatures, boolean bias) implements Layer {

  /** Checks the sizes. */
  public Linear {
    if (inFeatures < 1 || outFeatures < 1) {
      throw new IllegalArgumentException("linear: features " + inFeatures + "→" + outFeatures
          + " must be at least 1");
    }
  }

  /** A linear layer with a bias. */
  public static Linear of(int in, int out) {
    return new Linear(in, out, true);
  }

  /** This layer with or without a bias. */
  public Linear withBias(boolean bias) {
    return new Linear(inFeatures, outFeatures, bias);
  }

  @Override
  public String kind() {
    return "linear";
  }

  @Override
  public String describe() {
    return "linear " + inFeatures + "→" + outFeatures + (bias ? " +bias" : "");
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    if (in.dim(-1) != inFeatures) {
      throw new IllegalArgumentException("expects " + inFeatures
          + " features on the last axis, got " + in);
    }
    return in.with(-1, outFeatures);
  }

  @Override
  public long weights() {
    return (long) inFeatures * outFeatures;
  }

  @Override
  public long biases() {
    return bias ? outFeatures : 0;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.linear(this);
  }
}
