package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How the training loop turns a gradient into a change of the weights; the learning rate comes
 * from the {@link LearningRateSchedule}. Updaters are values: they are written into checkpoints
 * and compared. Weight decay applies to every trainable variable, biases included.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Updater {

  /** The weight decay factor (0 for none). */
  double weightDecay();

  /** Plain SGD: no momentum, no weight decay. */
  static Sgd sgd() {
    return new Sgd(0, false, 0);
  }

  /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and no weight decay. */
  static Adam adam() {
    return new Adam(0.9, 0.999, 1e-8, 0, false);
  }

  /** AdamW: Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and decoupled weight decay. */
  static Adam adamW(double weightDecay) {
    return new Adam(0.9, 0.999, 1e-8, weightDecay, true);
  }

  /**
   * Stochastic gradient descent with optional momentum and Nesterov momentum, as PyTorch's
   * {@code torch.optim.SGD} defines them (Sutskever et al. 2013): with gradient {@code g}, weight
   * {@code w}, learning rate {@code lr} and momentum buffer {@code b} (0 at first),
   * {@code g += weightDecay * w}; {@code b = momentum * b + g};
   * {@code d = nesterov ? g + momentum * b : b} (or {@code d = g} without momentum);
   * {@code w -= lr * d}.
   *
   * @param momentum from 0 (none) to below 1
   * @param nesterov Nesterov momentum; needs a positive momentum
   * @param weightDecay the L2 penalty factor added to the gradient, 0 or more
   */
  record Sgd(double momentum, boolean nesterov, double weightDecay) implements Updater {

    /** Checks the parts. */
    public Sgd {
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("momentum must be from 0 to below 1, not " + momentum);
      }
      if (nesterov && momentum == 0) {
        throw new IllegalArgumentException("Nesterov momentum needs a positive momentum");
      }
      nonNegative(weightDecay);
    }
  }

  /**
   * Adam (Kingma and Ba, arXiv:1412.6980), in the form of the paper's Algorithm 1 with the
   * efficient bias correction of its section 2, which ND4J's fused {@code adam_updater} op
   * computes and the training loop computes the same way, in one pass per variable: at update {@code t} (from 1), {@code m = β₁ m + (1 - β₁) g},
   * {@code v = β₂ v + (1 - β₂) g²}, {@code w -= lr √(1 - β₂ᵗ) / (1 - β₁ᵗ) · m / (√v + ε)}.
   * (PyTorch adds ε to {@code √v / √(1 - β₂ᵗ)} instead; the two differ only in ε's scale.)
   * Weight decay is either coupled, {@code g += weightDecay * w} before the moments as in
   * PyTorch's {@code Adam}, or decoupled (AdamW, Loshchilov and Hutter, arXiv:1711.05101),
   * {@code w -= lr * weightDecay * w} before the step as in PyTorch's {@code AdamW}.
   *
   * @param beta1 the first moment's decay, from 0 to below 1
   * @param beta2 the second moment's decay, from 0 to below 1
   * @param epsilon added to √v, positive
   * @param weightDecay the weight decay factor, 0 or more
   * @param decoupledWeightDecay AdamW's decoupled weight decay rather than an L2 penalty
   */
  record Adam(double beta1, double beta2, double epsilon, double weightDecay,
      boolean decoupledWeightDecay) implements Updater {

    /** Checks the parts. */
    public Adam {
      if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
        throw new IllegalArgumentException("beta1 and beta2 must be from 0 to below 1, not "
            + beta1 + " and " + beta2);
      }
      if (!(epsilon > 0)) {
        throw new IllegalArgumentException("epsilon must be positive, not " + epsilon);
      }
      nonNegative(weightDecay);
    }
  }

  private static void nonNegative(double weightDecay) {
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weightDecay must be 0 or more and finite, not "
          + weightDecay);
    }
  }
}
