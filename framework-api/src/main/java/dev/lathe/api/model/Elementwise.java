package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The element-wise sum or product of two or more inputs of one shape (residual connections,
 * gates). There is no broadcasting.
 *
 * @param operation sum or product
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Elementwise(Operation operation) implements Layer {

  /** The element-wise sum. */
  public static final Elementwise ADD = new Elementwise(Operation.ADD);
  /** The element-wise product. */
  public static final Elementwise MULTIPLY = new Elementwise(Operation.MULTIPLY);

  /** Sum or product. */
  public enum Operation {
    ADD, MULTIPLY
  }

  /** Checks the operation. */
  public Elementwise {
    java.util.Objects.requireNonNull(operation, "operation");
  }

  @Override
  public String kind() {
    return operation.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String describe() {
    return kind();
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
    for (Shape in : inputs) {
      if (!in.equals(inputs.get(0))) {
        throw new IllegalArgumentException("expects inputs of one shape, got " + inputs);
      }
    }
    return inputs.get(0);
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.elementwise(this);
  }
}
