package dev.lathe.plugin.micronet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which of the MicroNet language model's parameters {@code prune} and {@code quantize} compress,
 * and the MicroNet score of a compressed language model from its measured zeros. The weight
 * matrices are compressed: embedding tables, projections, attention and feed-forward matrices;
 * the cluster logits, biases, normalisation and positional terms are not pruned.
 */
final class LmCompression {

  static {
    NetworkModel.openNd4j();
  }

  /** Updates between two re-prunings of the reproduction's {@code prune}. */
  static final int FREQUENCY = 2;

  private LmCompression() {}

  /** Whether parameter {@code name} of value {@code value} is a compressed weight matrix. */
  static boolean compressible(String name, INDArray value) {
    return name.endsWith("/weight") && value.rank() == 2 && !name.startsWith("loss.clusters");
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
