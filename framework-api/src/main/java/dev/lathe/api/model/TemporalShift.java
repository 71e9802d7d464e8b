package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The temporal shift of TSM (Lin et al., arXiv:1811.08383) on a clip {@code [C, T, H, W]} (or
 * any {@code [C, T, …]}): {@code ⌊C / foldDivisor⌋} channels move one frame back in time, as
 * many one frame forward, the rest stay; vacated frames are zero. No parameters and no
 * arithmetic; the output has the input's shape.
 *
 * @param foldDivisor {@code 1 / foldDivisor} of the channels shift each way (8 in TSM)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TemporalShift(int foldDivisor) implements Layer {

  /** Checks the divisor. */
  public TemporalShift {
    if (foldDivisor < 2) {
      throw new IllegalArgumentException("temporal-shift: fold divisor " + foldDivisor
          + " must be at least 2");
    }
  }

  @Override
  public String kind() {
    return "temporal-shift";
  }

  @Override
  public String describe() {
    return kind() + " 1/" + foldDivisor;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    if (in.rank() < 2) {
      throw new IllegalArgumentException("expects a clip [C, T, …], got " + in);
    }
    return in;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.temporalShift(this);
  }
}
