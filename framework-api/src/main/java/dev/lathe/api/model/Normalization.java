package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A normalisation with optional learned scale and shift ({@code 2 × features} affine
 * parameters). Batch normalisation normalises each channel (axis 0) with statistics fixed at
 * inference; instance normalisation each channel of a {@code [C, …]} tensor over its own spatial
 * extent; layer normalisation each vector along the last axis.
 *
 * @param type which normalisation
 * @param features the channels (batch, instance) or the size of the last axis (layer)
 * @param affine whether it has a learned scale and shift
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Normalization(Type type, int features, boolean affine) implements Layer {

  /** The kinds of normalisation. */
  public enum Type {
    /** Per channel, running statistics (PyTorch {@code BatchNormNd}). */
    BATCH,
    /** Per channel and sample, over the spatial axes (PyTorch {@code InstanceNormNd}). */
    INSTANCE,
    /** Per vector along the last axis (PyTorch {@code LayerNorm(features)}). */
    LAYER
  }

  /** Checks the parts. */
  public Normalization {
    java.util.Objects.requireNonNull(type, "type");
    if (features < 1) {
      throw new IllegalArgumentException(type.name().toLowerCase(Locale.ROOT)
          + "-norm: features " + features + " must be at least 1");
    }
  }

  /** Batch normalisation over {@code channels}, affine as PyTorch's default. */
  public static Normalization batch(int channels) {
    return new Normalization(Type.BATCH, channels, true);
  }

  /** Instance normalisation over {@code channels}, not affine as PyTorch's default. */
  public static Normalization instance(int channels) {
    return new Normalization(Type.INSTANCE, channels, false);
  }

  /** Layer normalisation over a last axis of {@code features}, affine as PyTorch's default. */
  public static Normalization layer(int features) {
    return new Normalization(Type.LAYER, features, true);
  }

  /** This normalisation with or without a learned scale and shift. */
  public Normalization withAffine(boolean affine) {
    return new Normalization(type, features, affine);
  }

  @Override
  public String kind() {
    return type.name().toLowerCase(Locale.ROOT) + "-norm";
  }

  @Override
  public String describe() {
    return kind() + " " + features + (affine ? " affine" : "");
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    switch (type) {
      case BATCH -> {
        if (in.dim(0) != features) {
          throw new IllegalArgumentException("expects " + features + " channels on axis 0, got "
              + in);
        }
      }
      case INSTANCE -> {
        if (in.rank() < 2 || in.dim(0) != features) {
          throw new IllegalArgumentException("expects [" + features + ", …] with at least one"
              + " spatial axis, got " + in);
        }
      }
      case LAYER -> {
        if (in.dim(-1) != features) {
          throw new IllegalArgumentException("expects " + features
              + " features on the last axis, got " + in);
        }
      }
      default -> throw new IllegalStateException(type.name());
    }
    return in;
  }

  @Override
  public long affineParameters() {
    return affine ? 2L * features : 0;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.normalization(this);
  }
}
