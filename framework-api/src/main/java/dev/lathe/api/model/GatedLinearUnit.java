package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The gated linear unit (Dauphin et al., arXiv:1612.08083) along the last axis: the input
 * {@code [..., 2n]} splits into halves {@code a} and {@code b}, the output {@code [..., n]} is
 * {@code a · sigmoid(b)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GatedLinearUnit() implements Layer {

  @Override
  public String kind() {
    return "glu";
  }

  @Override
  public String describe() {
    return kind();
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    if (in.dim(-1) % 2 != 0) {
      throw new IllegalArgumentException("expects an even size on the last axis, got " + in);
    }
    return in.with(-1, in.dim(-1) / 2);
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.gatedLinearUnit(this);
  }
}
