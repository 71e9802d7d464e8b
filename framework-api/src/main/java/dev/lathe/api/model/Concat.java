package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The concatenation of two or more inputs along {@code axis} (negative: from the end); their
 * other sizes must agree.
 *
 * @param axis the axis that grows, e.g. 0 for the channels of {@code [C, H, W]}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Concat(int axis) implements Layer {

  @Override
  public String kind() {
    return "concat";
  }

  @Override
  public String describe() {
    return "concat axis " + axis;
  }

  @Override
  public int minInputs() {
    return 2;
  }

  @Override
  public int maxInputs() {
    return Integer.MAX_VALUE;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape first = inputs.get(0);
    int rank = first.rank();
    int a = axis < 0 ? rank + axis : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException("axis " + axis + " is outside the rank of " + first);
    }
    long total = 0;
    for (Shape in : inputs) {
      if (in.rank() != rank || !in.with(a, 1).equals(first.with(a, 1))) {
        throw new IllegalArgumentException("expects inputs that differ on axis " + axis
            + " only, got " + inputs);
      }
      total += in.dim(a);
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("gives axis " + axis + " a size over 2^31 − 1");
    }
    return first.with(a, (int) total);
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.concat(this);
  }
}
