package dev.lathe.plugin.micronet;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hebbian softmax (Rae, Dyer, Dayan & Lillicrap, arXiv:1802.10542) on the tied output embeddings
 * of an adaptive softmax, as the MicroNet LM applies it after each update: for every word seen in
 * the batch, with {@code c} its count so far (this batch included) and {@code ĥ} the mean of the
 * inputs to its bin's logits at the positions where it was the target, rescaled to the norm of
 * the word's embedding row {@code w}, {@code w ← (1 − λ)·w + λ·ĥ} with
 * {@code λ = max(1/c, 0.01)} while the count before the batch is below 500, then nothing: rare
 * words' embeddings jump towards the states that predict them instead of waiting for many small
 * gradient steps. Cost per update: {@code O(N·T·d)}.
 */
final class HebbianSoftmax {

  static {
    NetworkModel.openNd4j();
  }

  /** The count below which a word's embedding is still updated. */
  static final long COUNT_LIMIT = 500;
  /** The smallest update weight. */
  static final double MIN_RATE = 0.01;

  private final MicronetLm shape;
  private final long[] counts;

  /** The update for the tied embeddings of {@code shape}, every word's count 0. */
  HebbianSoftmax(MicronetLm shape) {
    this.shape = shape;
    this.counts = new long[shape.vocabulary()];
  }

  /** The number of times word {@code id} has been a target so far. */
  long count(int id) {
    return counts[id];
  }

  /**
   * Updates {@code model}'s embedding rows for the words of {@code targets} ({@code [rows][nSeq]}),
   * from the inputs to each bin's logits that {@code step} returned.
   */
  void update(LanguageModel model, LanguageModel.StepResult step, int[][] targets) {
    Map<Integer, double[]> sums = new LinkedHashMap<>();
    Map<Integer, Integer> seen = new LinkedHashMap<>();
    Map<Integer, float[]> inputs = new LinkedHashMap<>();
    step.binInputs().forEach((bin, in) -> inputs.put(bin, in.dup('c').data().asFloat()));
    for (int r = 0; r < targets.length; r++) {
      for (int p = 0; p < targets[r].length; p++) {
        int word = targets[r][p];
        int bin = bin(word);
        float[] in = inputs.get(bin);
        int dim = shape.embedDims().get(bin);
        int at = (r * targets[r].length + p) * dim;
        double[] sum = sums.computeIfAbsent(word, w -> new double[dim]);
        for (int k = 0; k < dim; k++) {
          sum[k] += in[at + k];
        }
        seen.merge(word, 1, Integer::sum);
      }
    }
    sums.forEach((word, sum) -> {
      int n = seen.get(word);
      long before = counts[word];
      counts[word] += n;
      if (before >= COUNT_LIMIT) {
        return;
      }
      int bin = bin(word);
      INDArray row = model.network().parameter("embed.layers." + bin + "/weight")
          .getRow(word - shape.binStart(bin));
      for (int k = 0; k < sum.length; k++) {
        sum[k] /= n;
      }
      update(row, sum, Math.max(1.0 / counts[word], MIN_RATE));
    });
  }

  /**
   * {@code row ← (1 − rate)·row + rate·ĥ}, {@code ĥ} being {@code mean} rescaled to the norm of
   * {@code row} (a zero mean or a zero row leave {@code mean} as it is).
   */
  static void update(INDArray row, double[] mean, double rate) {
    double rowNorm = row.norm2Number().doubleValue();
    double meanNorm = 0;
    for (double v : mean) {
      meanNorm += v * v;
    }
    meanNorm = Math.sqrt(meanNorm);
    double scale = rowNorm > 0 && meanNorm > 0 ? rowNorm / meanNorm : 1;
    for (int k = 0; k < mean.length; k++) {
      row.putScalar(k, (1 - rate) * row.getDouble(k) + rate * scale * mean[k]);
    }
  }

  private int bin(int word) {
    int bin = 0;
    while (bin < shape.cutoffs().size() && word >= shape.cutoffs().get(bin)) {
      bin++;
    }
    return bin;
  }
}
