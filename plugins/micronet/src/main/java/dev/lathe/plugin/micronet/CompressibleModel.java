package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Model;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model that {@code prune} and {@code quantize} work on: named parameter tensors with their
 * values and bit widths, and live copies of it that can be validated and fine-tuned. Immutable:
 * the compressors edit a {@link Session}'s parameters and make a new model from them with
 * {@link #with}. Implemented by {@link NetworkModel} (any network on a classification task) and
 * {@link LmModel} (the MicroNet language model on a corpus).
 */
interface CompressibleModel extends Model {

  /** The parameters' names, in the graph's order. */
  List<String> parameterNames();

  /** A copy of the values of parameter {@code name}. */
  INDArray parameter(String name);

  /** The bits of parameter {@code name}; 32 unless quantised. */
  default int bits(String name) {
    return tensorBits().getOrDefault(name, 32);
  }

  /** The bit widths of the quantised parameters. */
  Map<String, Integer> tensorBits();

  /** The activations' bit width; 32 unless quantised. */
  int activationBits();

  /** The elements of parameter {@code name} that are not zero. */
  long nonzero(String name);

  /** Whether parameter {@code name} is a weight tensor that pruning and quantisation treat. */
  boolean isWeight(String name);

  /** Whether parameter {@code name} is the bias of a linear map that quantisation treats. */
  boolean isBias(String name);

  /** A live copy of this model, its activations fake-quantised to {@code activationBits}. */
  Session open(int activationBits);

  /** This model with other parameter values and bit widths. */
  CompressibleModel with(Map<String, INDArray> values, Map<String, Integer> tensorBits,
      int activationBits);

  @Override
  default long parameterCount() {
    long count = 0;
    for (String name : parameterNames()) {
      count += parameter(name).length();
    }
    return count;
  }

  /**
   * Each tensor stored the cheaper way: dense at its bit width, or its non-zero elements at its
   * bit width plus a one-bit mask per element.
   */
  @Override
  default long sizeBits() {
    long size = 0;
    for (String name : parameterNames()) {
      long n = parameter(name).length();
      int b = bits(name);
      size += Math.min(n * b, nonzero(name) * b + n);
    }
    return size;
  }

  /**
   * Adds {@code loss_before} and {@code loss}, then every other validation metric (in name
   * order) as {@code NAME_before} and {@code NAME}, to {@code report}.
   */
  static void addValidation(Metrics.Builder report, Map<String, Double> before,
      Map<String, Double> after) {
    report.add("loss_before", before.get("loss"), "", Origin.MEASURED)
        .add("loss", after.get("loss"), "", Origin.MEASURED);
    for (String name : new TreeSet<>(after.keySet())) {
      if (!name.equals("loss")) {
        report.add(name + "_before", before.get(name), "", Origin.MEASURED)
            .add(name, after.get(name), "", Origin.MEASURED);
      }
    }
  }

  /**
   * A live copy of a model: parameter arrays that a compressor edits in place, validated and
   * fine-tuned as they are. Not thread-safe.
   */
  interface Session {

    /** The live values of parameter {@code name}; edits change the session's model. */
    INDArray parameter(String name);

    /**
     * The validation metrics: at least {@code loss}; a classifier's {@code accuracy}, a language
     * model's {@code perplexity}.
     */
    Map<String, Double> validate();

    /**
     * The loss that the sensitivity analysis of {@code prune} compares, measured as they are
     * now: the validation loss, or where the model says so a cheaper estimate of it on a part
     * of the validation data.
     */
    default double sensitivityLoss() {
      return validate().get("loss");
    }

    /**
     * Makes {@code steps} updates at learning rate {@code rate}, batches drawn from
     * {@code seed} where the model's training draws them at random, {@code hook} called around
     * each.
     */
    void fineTune(int steps, double rate, long seed, FineTuning.Hook hook);
  }
}
