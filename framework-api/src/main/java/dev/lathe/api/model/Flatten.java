package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/** The input's elements, in order, as one vector: {@code [C, H, W] → [C·H·W]}. */
@API(status = EXPERIMENTAL, since = "0.1")
public record Flatten() implements Layer {

  @Override
  public String kind() {
    return "flatten";
  }

  @Override
  public String describe() {
    return kind();
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    long n = inputs.get(0).elements();
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("cannot flatten " + inputs.get(0)
          + ": more than 2^31 − 1 elements");
    }
    return Shape.of((int) n);
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.flatten(this);
  }
}
