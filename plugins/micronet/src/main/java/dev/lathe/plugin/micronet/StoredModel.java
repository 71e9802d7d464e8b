package dev.lathe.plugin.micronet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A compressible model that holds its parameters' values, their bit widths and the activations'
 * bit width: what {@link NetworkModel} and {@link LmModel} share. Immutable: the values are
 * copied in, and {@link #parameter} hands out copies.
 */
abstract class StoredModel implements CompressibleModel {

  private final Map<String, INDArray> parameters;
  private final Map<String, Integer> bits;
  private final int activationBits;

  StoredModel(Map<String, INDArray> parameters, Map<String, Integer> bits, int activationBits) {
    Map<String, INDArray> copies = new LinkedHashMap<>();
    parameters.forEach((name, value) -> copies.put(name, value.dup()));
    this.parameters = Collections.unmodifiableMap(copies);
    this.bits = Map.copyOf(bits);
    this.activationBits = activationBits;
  }

  /** The parameters' values by name, in the graph's order: not copies, never to be changed. */
  final Map<String, INDArray> values() {
    return parameters;
  }

  /**
   * Checks that {@code values} names exactly this model's parameters.
   *
   * @throws IllegalArgumentException naming both sets if not
   */
  final void requireSameParameters(Map<String, INDArray> values) {
    if (!values.keySet().equals(parameters.keySet())) {
      throw new IllegalArgumentException("parameters " + values.keySet() + " are not those of"
          + " model '" + architecture() + "': " + parameters.keySet());
    }
  }

  @Override
  public final List<String> parameterNames() {
    return List.copyOf(parameters.keySet());
  }

  @Override
  public final INDArray parameter(String name) {
    INDArray value = parameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("model '" + architecture() + "' has no parameter '"
          + name + "'; it has " + parameters.keySet());
    }
    return value.dup();
  }

  @Override
  public final Map<String, Integer> tensorBits() {
    return bits;
  }

  @Override
  public final int activationBits() {
    return activationBits;
  }

  @Override
  public final long nonzero(String name) {
    INDArray value = parameters.get(name);
    return value.length() - value.eq(0.0).castTo(value.dataType()).sumNumber().longValue();
  }
}
