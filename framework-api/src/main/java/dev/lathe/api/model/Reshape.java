package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The input's elements, in order, in another shape with as many elements.
 *
 * @param target the output shape
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Reshape(Shape target) implements Layer {

  /** Checks the target. */
  public Reshape {
    Objects.requireNonNull(target, "target");
  }

  /** A reshape to {@code dims}. */
  public static Reshape to(int... dims) {
    return new Reshape(Shape.of(dims));
  }

  @Override
  public String kind() {
    return "reshape";
  }

  @Override
  public String describe() {
    return "reshape " + target;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    if (in.elements() != target.elements()) {
      throw new IllegalArgumentException("cannot make " + target + " (" + target.elements()
          + " elements) of " + in + " (" + in.elements() + " elements)");
    }
    return target;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.reshape(this);
  }
}
