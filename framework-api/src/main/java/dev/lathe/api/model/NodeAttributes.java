package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How a node is stored and computed once compressed: the bit widths of its weights and of its
 * activations, and the fraction of its weights that are pruned to zero. Cost conventions that
 * care (MicroNet's) read them; the others ignore them.
 *
 * @param weightBits bits per weight (and bias), 1 to 32
 * @param activationBits bits per element of the activations the node reads and writes, 1 to 32
 * @param sparsity the fraction of weights that are zero, in {@code [0, 1)}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record NodeAttributes(int weightBits, int activationBits, double sparsity) {

  /** 32-bit weights and activations, dense. */
  public static final NodeAttributes DEFAULT = new NodeAttributes(32, 32, 0);

  /** Checks the ranges. */
  public NodeAttributes {
    if (weightBits < 1 || weightBits > 32 || activationBits < 1 || activationBits > 32) {
      throw new IllegalArgumentException("bit widths " + weightBits + "/" + activationBits
          + " must be 1 to 32");
    }
    if (!(sparsity >= 0 && sparsity < 1)) {
      throw new IllegalArgumentException("sparsity " + sparsity + " must be in [0, 1)");
    }
  }

  /** The fraction of weights that are not zero. */
  public double density() {
    return 1 - sparsity;
  }
}
