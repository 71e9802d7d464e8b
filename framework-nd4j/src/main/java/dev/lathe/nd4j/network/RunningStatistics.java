package dev.lathe.nd4j.network;

import dev.lathe.nd4j.internal.Nd4jAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Updates batch normalisation's running statistics whenever the graph runs in training mode (a
 * gradient computation), as PyTorch's {@code BatchNorm} does in {@code train()} mode:
 * {@code running_mean = (1 − m)·running_mean + m·mean} and
 * {@code running_var = (1 − m)·running_var + m·var·n/(n − 1)}, with the batch's mean and biased
 * variance over {@code n} values per channel and momentum {@code m}. It listens for the
 * activations {@code NODE/batch_mean}, {@code NODE/batch_centred} (the input less the mean,
 * whose size gives {@code n}) and {@code NODE/batch_var}, which SameDiff computes in that order.
 */
final class RunningStatistics extends BaseListener {

  static {
    Nd4jAccess.open();
  }

  /** The suffix of a batch normalisation's batch mean, shape {@code [1, C, 1, …]}. */
  static final String MEAN = "/batch_mean";
  /** The suffix of a batch normalisation's biased batch variance. */
  static final String VARIANCE = "/batch_var";
  /** The suffix of a batch normalisation's input less the batch mean. */
  static final String CENTRED = "/batch_centred";

  /**
   * One batch normalisation's running statistics, updated in place.
   *
   * @param node the node's name
   * @param mean the running mean {@code [C]}
   * @param variance the running variance {@code [C]}
   */
  record Entry(String node, INDArray mean, INDArray variance) {}

  private final double momentum;
  private final Map<String, Entry> byMean = new HashMap<>();
  private final Map<String, Entry> byVariance = new HashMap<>();
  private final Map<String, Entry> byCentred = new HashMap<>();
  /** The values per channel of a node's batch, between its centred input and its variance. */
  private final Map<String, Double> counts = new HashMap<>();

  RunningStatistics(List<Entry> entries, double momentum) {
    this.momentum = momentum;
    for (Entry entry : entries) {
      byMean.put(entry.node() + MEAN, entry);
      byVariance.put(entry.node() + VARIANCE, entry);
      byCentred.put(entry.node() + CENTRED, entry);
    }
  }

  @Override
  public boolean isActive(Operation operation) {
    return operation == Operation.TRAINING;
  }

  @Override
  public void activationAvailable(SameDiff graph, At at, MultiDataSet batch, SameDiffOp op,
      String variable, INDArray activation) {
    Entry entry = byMean.get(variable);
    if (entry != null) {
      blend(entry.mean(), activation, 1);
      return;
    }
    entry = byCentred.get(variable);
    if (entry != null) {
      counts.put(entry.node(), (double) activation.length() / entry.mean().length());
      return;
    }
    entry = byVariance.get(variable);
    if (entry != null) {
      double n = counts.remove(entry.node());
      blend(entry.variance(), activation, n > 1 ? n / (n - 1) : 1);
    }
  }

  /** {@code running = (1 − m)·running + m·scale·batch}, in place. */
  private void blend(INDArray running, INDArray batch, double scale) {
    running.muli(1 - momentum).addi(batch.reshape(running.shape()).mul(momentum * scale));
  }
}
