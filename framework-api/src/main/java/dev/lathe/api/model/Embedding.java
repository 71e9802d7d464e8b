package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A lookup table of {@code vocabulary} vectors of size {@code dim}: token ids {@code [T]} become
 * {@code [T, dim]} (any input shape gains a last axis of {@code dim}).
 *
 * @param vocabulary the number of rows
 * @param dim the size of each vector
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Embedding(int vocabulary, int dim) implements Layer {

  /** Checks the sizes. */
  public Embedding {
    if (vocabulary < 1 || dim < 1) {
      throw new IllegalArgumentException("embedding: vocabulary " + vocabulary + " and dim "
          + dim + " must be at least 1");
    }
  }

  @Override
  public String kind() {
    return "embedding";
  }

  @Override
  public String describe() {
    return "embedding " + vocabulary + "×" + dim;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    List<Integer> dims = new ArrayList<>(inputs.get(0).dims());
    dims.add(dim);
    return new Shape(dims);
  }

  @Override
  public long weights() {
    return (long) vocabulary * dim;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.embedding(this);
  }
}
