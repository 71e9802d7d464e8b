package dev.lathe.api.model.cost;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A MicroNet challenge score computed term by term as the winning language-model entry's
 * evaluation notebook computes it (arXiv:2005.07877), for models whose cost a
 * {@link dev.lathe.api.model.Network} cannot express node by node (bin-frequency-weighted
 * embedding projections, a cache over past hidden states):
 *
 * <ul>
 *   <li>size = non-zero parameters × bits / 32 + one mask bit per scored parameter
 *       ({@code total / 32}) + the quantisation overhead of each activation quantiser (its
 *       fp32 range, 1, and its scale stored at {@code (32 − bits) / 32});
 *   <li>ops = multiplications × bits / 32 + additions + other fp32 operations;
 *   <li>score = size / 159·10⁶ + ops / 318·10⁶ (the challenge's WikiText-103 baseline).
 * </ul>
 *
 * @param bits the bit width of weights, activations and multiplications, 1 to 32
 * @param tensors every scored parameter tensor with its non-zero count
 * @param operations every term of the per-token operation count
 * @param quantizers the number of activation quantisers, 0 for an unquantised model
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MicronetScore(int bits, List<Tensor> tensors, List<Operations> operations,
    int quantizers) {

  /** The challenge baseline's parameters, the size that scores 1. */
  public static final double BASELINE_SIZE = 159e6;
  /** The challenge baseline's operations per token, the count that scores 1. */
  public static final double BASELINE_OPS = 318e6;

  /** Checks and copies the parts. */
  public MicronetScore {
    if (bits < 1 || bits > 32) {
      throw new IllegalArgumentException("bits " + bits + " must be 1 to 32");
    }
    if (quantizers < 0) {
      throw new IllegalArgumentException("quantizers " + quantizers + " must not be negative");
    }
    tensors = List.copyOf(tensors);
    operations = List.copyOf(operations);
  }

  /**
   * One scored parameter tensor.
   *
   * @param name the tensor's name, e.g. {@code layers.0.qkv.weight}
   * @param total its elements
   * @param nonzero the elements that are not zero
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Tensor(String name, long total, long nonzero) {

    /** Checks the parts. */
    public Tensor {
      Objects.requireNonNull(name, "name");
      if (total < 0 || nonzero < 0 || nonzero > total) {
        throw new IllegalArgumentException("tensor '" + name + "': " + nonzero
            + " non-zero of " + total + " elements");
      }
    }
  }

  /**
   * One term of the operation count, per token.
   *
   * @param name what it computes, e.g. {@code layers.0.qkv}
   * @param multiplications multiplications (scaled by bits / 32 in the total)
   * @param additions fp32 additions
   * @param others other fp32 operations (exponentials, divisions, comparisons)
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Operations(String name, double multiplications, double additions,
      double others) {

    /** Checks the parts. */
    public Operations {
      Objects.requireNonNull(name, "name");
      if (!(multiplications >= 0 && additions >= 0 && others >= 0)) {
        throw new IllegalArgumentException("operations '" + name + "': counts "
            + multiplications + ", " + additions + ", " + others + " must be finite and >= 0");
      }
    }

    /** This term's operations: multiplications × bits / 32 + additions + others. */
    public double ops(int bits) {
      return multiplications * bits / 32 + additions + others;
    }
  }

  /** The scored parameters: every tensor's elements. */
  public long parameters() {
    return tensors.stream().mapToLong(Tensor::total).sum();
  }

  /** The scored parameters that are not zero. */
  public long nonzeroParameters() {
    return tensors.stream().mapToLong(Tensor::nonzero).sum();
  }

  /** Non-zero parameters × bits / 32. */
  public double parameterSize() {
    return nonzeroParameters() * (double) bits / 32;
  }

  /** One mask bit per scored parameter: parameters / 32. */
  public double maskSize() {
    return parameters() / 32.0;
  }

  /** Each activation quantiser's range (1) and scale ({@code (32 − bits) / 32}). */
  public double quantizationSize() {
    return quantizers * (1 + (32 - bits) / 32.0);
  }

  /** The size in 32-bit parameters: parameter, mask and quantisation sizes. */
  public double size() {
    return parameterSize() + maskSize() + quantizationSize();
  }

  /** All multiplications, before scaling by bits. */
  public double multiplications() {
    return operations.stream().mapToDouble(Operations::multiplications).sum();
  }

  /** All additions. */
  public double additions() {
    return operations.stream().mapToDouble(Operations::additions).sum();
  }

  /** All other fp32 operations. */
  public double others() {
    return operations.stream().mapToDouble(Operations::others).sum();
  }

  /** The operations per token: multiplications × bits / 32 + additions + others. */
  public double ops() {
    return multiplications() * bits / 32 + additions() + others();
  }

  /** The challenge's score: size / 159·10⁶ + ops / 318·10⁶. */
  public double score() {
    return size() / BASELINE_SIZE + ops() / BASELINE_OPS;
  }
}
