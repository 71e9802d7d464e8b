package dev.lathe.plugin.micronet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The reproduction's pruning and quantisation of a trained {@link LanguageModel}, in place: one
 * sparsity for every weight matrix where the {@code prune} compressor (which also runs on the
 * language model, through {@link LmModel}) chooses per-tensor targets by a sensitivity analysis.
 * Automated gradual pruning (Zhu & Gupta, arXiv:1710.01878) of every weight matrix to one
 * sparsity by magnitude, the sparsity rising as {@code s·(1 − (1 − t/T)³)}
 * over the first two thirds of the fine-tuning updates, the masks applied after every update;
 * then quantisation-aware training of the same matrices, symmetric per output row to
 * {@code bits} bits ({@link Tensors#quantize}): the forward and backward passes see the quantised
 * weights, the update goes to full-precision shadow weights (straight-through), and the model
 * ends with the quantised values. Activations stay 32-bit. The cluster logits, biases,
 * normalisation and positional terms are neither pruned nor quantised.
 */
final class LmCompression {

  static {
    NetworkModel.openNd4j();
  }

  /** Updates between two re-prunings. */
  static final int FREQUENCY = 2;

  private LmCompression() {}

  /** Whether parameter {@code name} of value {@code value} is pruned and quantised. */
  static boolean compressible(String name, INDArray value) {
    return name.endsWith("/weight") && value.rank() == 2 && !name.startsWith("loss.clusters");
  }

  /** The compressible parameters of {@code model}, by name. */
  static Map<String, INDArray> weights(LanguageModel model) {
    Map<String, INDArray> weights = new LinkedHashMap<>();
    for (String name : model.network().parameterNames()) {
      INDArray value = model.network().parameter(name);
      if (compressible(name, value)) {
        weights.put(name, value);
      }
    }
    return weights;
  }

  /**
   * Prunes {@code model} to {@code sparsity} of every compressible matrix over {@code steps}
   * updates at learning rate {@code rate} on {@code corpus}'s training stream in {@code rows}
   * rows; returns the masks.
   */
  static Map<String, INDArray> prune(LanguageModel model, LmCorpus corpus, int rows,
      double sparsity, int steps, double rate) {
    Map<String, INDArray> weights = weights(model);
    Map<String, INDArray> masks = new LinkedHashMap<>();
    int ramp = Math.max(1, 2 * steps / 3);
    LanguageModel.Batches batches = new LanguageModel.Batches(corpus.train(), rows,
        model.shape().nSeq());
    model.resetState();
    for (int step = 0; step < steps; step++) {
      if (step % FREQUENCY == 0 || step == ramp) {
        double t = Math.min(1.0, (double) step / ramp);
        double target = sparsity * (1 - Math.pow(1 - t, 3));
        weights.forEach((name, w) -> masks.put(name, Tensors.magnitudeMask(w, target,
            masks.get(name))));
      }
      weights.forEach((name, w) -> w.muli(masks.get(name)));
      int segment = step % batches.segments();
      model.step(batches.inputs(segment), batches.targets(segment), rate);
      weights.forEach((name, w) -> w.muli(masks.get(name)));
    }
    weights.forEach((name, w) -> {
      masks.put(name, Tensors.magnitudeMask(w, sparsity, masks.get(name)));
      w.muli(masks.get(name));
    });
    return masks;
  }

  /**
   * Quantisation-aware training of {@code model}'s compressible matrices to {@code bits} bits
   * for {@code steps} updates, keeping {@code masks}' zeros (null: no masks); the model ends with
   * the quantised weights.
   */
  static void quantize(LanguageModel model, LmCorpus corpus, int rows, int bits, int steps,
      double rate, Map<String, INDArray> masks) {
    Map<String, INDArray> weights = weights(model);
    Map<String, INDArray> shadows = new LinkedHashMap<>();
    weights.forEach((name, w) -> shadows.put(name, w.dup()));
    LanguageModel.Batches batches = new LanguageModel.Batches(corpus.train(), rows,
        model.shape().nSeq());
    model.resetState();
    for (int step = 0; step < steps; step++) {
      Map<String, INDArray> quantized = new LinkedHashMap<>();
      weights.forEach((name, w) -> {
        INDArray q = masked(Tensors.quantize(shadows.get(name), bits), masks, name);
        quantized.put(name, q);
        w.assign(q);
      });
      int segment = step % batches.segments();
      model.step(batches.inputs(segment), batches.targets(segment), rate);
      weights.forEach((name, w) -> {
        INDArray shadow = shadows.get(name).addi(w.sub(quantized.get(name)));
        masked(shadow, masks, name);
      });
    }
    weights.forEach((name, w) -> w.assign(masked(Tensors.quantize(shadows.get(name), bits),
        masks, name)));
  }

  private static INDArray masked(INDArray value, Map<String, INDArray> masks, String name) {
    return masks == null ? value : value.muli(masks.get(name));
  }

  /**
   * {@code model}'s configuration as {@link MicronetLm} scores it at {@code bits}, with each
   * scored tensor's sparsity its measured share of zeros (the attention's query, key and value
   * matrices together as {@code qkv}, projections numbered among the projected bins).
   */
  static MicronetLm scored(LanguageModel model, int bits) {
    MicronetLm shape = model.shape();
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<Integer, Integer> projection = new LinkedHashMap<>();
    for (int bin = 0; bin < shape.bins(); bin++) {
      if (shape.projected(bin)) {
        projection.put(bin, projection.size());
      }
    }
    for (String name : model.network().parameterNames()) {
      INDArray value = model.network().parameter(name);
      String scored = scoredName(name, projection);
      if (scored != null) {
        long[] c = counts.computeIfAbsent(scored, n -> new long[2]);
        c[0] += value.length();
        c[1] += value.neq(0.0).castTo(org.nd4j.linalg.api.buffer.DataType.INT64).sumNumber()
            .longValue();
      }
    }
    List<Double> sparsity = new ArrayList<>();
    for (String tensor : shape.tensorNames()) {
      long[] c = counts.get(tensor);
      long zeros = c == null ? 0 : c[0] - c[1];
      sparsity.add(zeros == 0 ? 0.0 : (zeros + 0.5) / c[0]);
    }
    return new MicronetLm(shape.layers(), shape.dModel(), shape.heads(), shape.dHead(),
        shape.dFf(), shape.nSeq(), shape.nCache(), shape.cutoffs(), shape.embedDims(),
        shape.vocabulary(), bits, sparsity, shape.binCounts());
  }

  /** The scored tensor that parameter {@code name} counts towards, or null. */
  private static String scoredName(String name, Map<Integer, Integer> projection) {
    String[] parts = name.split("/");
    String node = parts[0];
    if (node.startsWith("embed.layers.")) {
      return node + ".weight";
    }
    if (node.startsWith("embed.projections.") || node.startsWith("loss.projections.")) {
      int bin = Integer.parseInt(node.substring(node.lastIndexOf('.') + 1));
      return node.substring(0, node.lastIndexOf('.') + 1) + projection.get(bin) + ".weight";
    }
    if (node.startsWith("layers.") && node.endsWith(".attention") && parts.length == 3
        && parts[2].equals("weight")) {
      String layer = node.substring(0, node.length() - ".attention".length());
      return parts[1].equals("out") ? layer + ".out.weight" : layer + ".qkv.weight";
    }
    if (node.startsWith("layers.") && (node.endsWith(".fc.0") || node.endsWith(".fc.3"))
        && parts[1].equals("weight")) {
      return node + ".weight";
    }
    return null;
  }
}
